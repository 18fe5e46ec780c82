package io.corral.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * In a host JVM whose heap is small (768 MiB), a program holding eight times its memory_size beside
 * three benign ones is stopped by the heap guard before the heap runs out: it ends with status 137,
 * the benign ones complete with their output, and the host never meets an OutOfMemoryError (it runs
 * with {@code -XX:+ExitOnOutOfMemoryError}: the first one anywhere would end it with status 3).
 */
class MemoryLimitHostTest {

    @Test
    void aBombBesideBenignExecutionsIsStoppedAndTheHostNeverRunsOutOfHeap() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+ExitOnOutOfMemoryError", "-Xss4m", "-Dpolyglot.engine.WarnInterpreterOnly=false"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MemoryLimitHost.class.getName()));
        Process host = new ProcessBuilder(command).redirectErrorStream(true).start();
        java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                host.getInputStream().transferTo(read);
            } catch (IOException e) {
                // the host ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            // a bound on a hang only: the host takes a minute or two on a busy machine
            if (!host.waitFor(10, TimeUnit.MINUTES)) {
                fail("the host did not end: " + read.toString(StandardCharsets.UTF_8));
            }
            reader.join();
        } finally {
            host.destroyForcibly();
        }
        String output = read.toString(StandardCharsets.UTF_8);
        assertFalse(output.contains("OutOfMemoryError"), output);
        assertEquals(0, host.exitValue(), "the host ended normally (3: it met an OutOfMemoryError): " + output);
        List<String> lines = output.lines().toList();
        assertTrue(lines.contains("bomb MEMORY_LIMIT 137 memory limit of 128 MiB exceeded"), output);
        for (int n : MemoryLimitHost.BENIGN) {
            long total = 0;
            for (int i = 0; i < 100_000; i++) {
                total += i % n;
            }
            assertTrue(lines.contains("benign 0 " + n + " " + total + " 8"), "benign " + n + ": " + output);
        }
        assertTrue(lines.contains("closed"), output);
    }
}
