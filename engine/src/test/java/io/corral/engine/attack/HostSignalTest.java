package io.corral.engine.attack;

import io.corral.api.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A guest that installs SIGTERM/SIGINT handlers takes over nothing of its host: a host JVM (a child
 * process here, {@link SignalHost}) that ran such a guest still ends on SIGTERM, the JVM's own way
 * (exit status 143 after its shutdown hooks).
 */
class HostSignalTest {

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"PYTHON", "RUBY"})
    void sigtermStillEndsAHostWhoseGuestTrappedIt(Language language) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss4m", "-Dpolyglot.engine.WarnInterpreterOnly=false"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SignalHost.class.getName(),
                language.wireName()));
        // a child inherits ignored signals: the test JVM itself must not ignore SIGTERM
        assertEquals("", ignoredSignals().contains(15L) ? "SIGTERM ignored in the test JVM" : "");
        Process host = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(host.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    if (line.equals("ready")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                output.add("(output ended: " + e.getMessage() + ")");
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.await(120, TimeUnit.SECONDS)) {
                fail("the host never ran its guest: " + output);
            }
            assertTrue(output.contains("installed") && output.contains("exit 0"),
                    "the guest's own handlers were accepted (inside the guest): " + output);

            host.destroy(); // SIGTERM
            if (!host.waitFor(60, TimeUnit.SECONDS)) {
                fail("the host ignored SIGTERM after its guest trapped it: " + output);
            }
            reader.join(5000);
            assertEquals(143, host.exitValue(), "ended by the JVM's own SIGTERM handling: " + output);
        } finally {
            host.destroyForcibly();
        }
    }

    /** Signal numbers this JVM's process ignores, from {@code /proc/self/status} (empty elsewhere). */
    static java.util.Set<Long> ignoredSignals() throws IOException {
        java.util.Set<Long> out = new java.util.TreeSet<>();
        Path status = Path.of("/proc/self/status");
        if (!java.nio.file.Files.exists(status)) {
            return out;
        }
        for (String line : java.nio.file.Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                for (long n = 1; n <= 64; n++) {
                    if ((mask >>> (n - 1) & 1) != 0) {
                        out.add(n);
                    }
                }
            }
        }
        return out;
    }
}
