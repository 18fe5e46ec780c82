package io.corral.engine;

import org.graalvm.polyglot.Engine;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;

/**
 * The languages' internal resources (GraalPy's and TruffleRuby's standard libraries, native
 * helpers), copied out of the jars once per GraalVM version into a folder every worker sees
 * read-only ({@code -Dpolyglot.engine.resourcePath}): a worker's sandbox has nowhere to unpack them.
 */
final class WorkerResources {

    private static Path ready;

    private WorkerResources() {
    }

    static synchronized Path ready() throws IOException {
        if (ready != null) {
            return ready;
        }
        String version = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build().getVersion();
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        Path target = base.resolve("corral-resources-" + ProcessHandle.current().info().user().orElse("user")
                .replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + version);
        if (!Files.isDirectory(target)) {
            Path staging = Files.createTempDirectory(base, "corral-resources-staging-");
            try {
                Engine.copyResources(staging);
                // workers run as users of their own: they read, never write
                try (var s = Files.walk(staging)) {
                    for (Path p : (Iterable<Path>) s::iterator) {
                        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                                Files.isDirectory(p) || Files.isExecutable(p) ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    // another engine copied them first
                } catch (IOException e) {
                    if (!Files.isDirectory(target)) {
                        throw e;
                    }
                }
            } finally {
                if (Files.exists(staging)) {
                    try (var s = Files.walk(staging)) {
                        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
        }
        ready = target;
        return target;
    }
}
