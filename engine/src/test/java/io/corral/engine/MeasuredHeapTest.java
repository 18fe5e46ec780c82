package io.corral.engine;

import io.corral.api.Language;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the Graal compiler (as {@code ./corral} runs), the heap guard measures each execution's own
 * context ({@code ContextHeap}) instead of guessing from the whole heap: a program holding 300 MiB
 * against a 128 MiB limit is stopped by a measure even while it idles, and a program that
 * allocates 25 times its limit while the host's own heap grows by almost four times it is measured
 * and left to finish (the whole heap alone once took it for the holder: docs/security.md); a
 * Python program holding 300 MiB from a thread it started (whose allocation is not the execution
 * thread's) is stopped by a periodic measure.
 */
class MeasuredHeapTest {

    @Test
    void aHolderIsStoppedByItsContextsMeasureAndAChurnerBesideHostGrowthFinishes() throws IOException, InterruptedException {
        String output = JitJvm.run(MeasuredHeapHost.class, List.of("-Xmx2g"), 15);
        List<String> lines = output.lines().toList();
        for (Language language : MeasuredHeapHost.LANGUAGES) {
            String name = language.wireName();
            assertTrue(lines.contains("bomb " + name + " MEMORY_LIMIT 137"), name + " bomb: " + output);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("churner " + name + " COMPLETED 0 churned 8388608")),
                    name + " churner: " + output);
        }
        // held from a thread the guest started: its allocation is not the execution thread's, but a
        // measure sees its whole context
        assertTrue(lines.contains("thread-bomb python MEMORY_LIMIT 137"), "thread bomb: " + output);
        // the stops came from measures of the bombs' contexts, and the churners were measured too
        assertTrue(lines.stream().filter(l -> l.startsWith("guard: stopping ") && l.contains("its context holds more than 128 MiB beyond a fresh one"))
                .count() >= MeasuredHeapHost.LANGUAGES.size() + 1, output);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("guard: ") && l.contains("measured in")
                && !l.contains("stopping")), output);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("guard: a fresh python context retains")), output);
        assertTrue(lines.contains("closed"), output);
    }
}
