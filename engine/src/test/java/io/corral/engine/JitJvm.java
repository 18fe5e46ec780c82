package io.corral.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Starts a JVM laid out as {@code ./corral} starts it, with the Graal compiler (the engine's unit
 * tests run guest code interpreted): GraalVM's jars on the module path, the compiler on the upgrade
 * module path (copied to {@code target/jit} by the build), the rest of the test class path as the
 * class path. What only the optimizing runtime offers (measuring a context's heap) is tested there.
 */
final class JitJvm {

    private JitJvm() {
    }

    /** Runs {@code mainClass} in such a JVM and returns what it printed (stdout and stderr). */
    static String run(Class<?> mainClass, List<String> jvmOptions, long timeoutMinutes)
            throws IOException, InterruptedException {
        Path jit = Path.of("target", "jit");
        List<Path> compiler;
        try (var files = Files.list(jit)) {
            compiler = files.filter(p -> p.getFileName().toString().startsWith("compiler-")).toList();
        }
        if (compiler.size() != 1) {
            fail("the build copies the Graal compiler to " + jit.toAbsolutePath() + " (mvn process-test-classes); found "
                    + compiler);
        }
        List<String> modules = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String unix = entry.replace('\\', '/');
            (unix.contains("/org/graalvm/") || unix.contains("/org/bouncycastle/") ? modules : classes).add(entry);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                "--upgrade-module-path=" + compiler.get(0).toAbsolutePath(),
                "--module-path=" + String.join(java.io.File.pathSeparator, modules),
                "--add-modules=ALL-MODULE-PATH",
                "--enable-native-access=org.graalvm.truffle,ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Xss16m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classes), mainClass.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                child.getInputStream().transferTo(read);
            } catch (IOException e) {
                // the child ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            // a bound on a hang only
            if (!child.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                fail("the JVM did not end: " + read.toString(StandardCharsets.UTF_8));
            }
            reader.join();
        } finally {
            child.destroyForcibly();
        }
        String output = read.toString(StandardCharsets.UTF_8);
        if (child.exitValue() != 0) {
            fail("the JVM ended with status " + child.exitValue() + ": " + output);
        }
        return output;
    }
}
