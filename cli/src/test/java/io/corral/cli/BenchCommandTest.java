package io.corral.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.corral.cli.CallCommandTest.corral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code corral bench}: that it runs and reports what it measured, never how fast (these tests run
 * on the interpreter, on shared machines). Each run is kept to a few executions and a 1 s window.
 */
class BenchCommandTest {

    @Test
    void jsonReportsTheRequestedRunsWithSaneValues() {
        CallCommandTest.Result r = corral("bench", "--language", "javascript", "--iterations", "3", "--warmup", "1",
                "--duration-seconds", "1", "--pacing-ms", "0", "--baseline", "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.out().strip().lines().count(), "one JSON object on one line: " + r.out());
        JsonNode j = r.json();
        assertEquals("javascript", j.get("language").asText());
        assertEquals("in-process", j.get("isolation").asText());
        assertEquals(3, j.get("iterations").asInt());
        assertTrue(j.get("p50_ms").asDouble() > 0, r.out());
        assertTrue(j.get("p99_ms").asDouble() >= j.get("p50_ms").asDouble(), r.out());
        assertTrue(j.get("executions_per_second").asDouble() > 0, r.out());
        assertTrue(j.get("pool_size").asInt() >= 1, r.out());
        assertEquals(0, j.get("pacing_ms").asInt());
        assertTrue(j.get("jit").isBoolean(), r.out());
        assertTrue(j.get("jvm_flags").isArray(), r.out());
        // node may be missing on a build machine: then the report says so instead of a number
        if (j.get("spawn_baseline_p50_ms").isNull()) {
            assertTrue(j.get("spawn_baseline_note").asText().contains("node"), r.out());
        } else {
            assertTrue(j.get("spawn_baseline_p50_ms").asDouble() > 0, r.out());
            assertTrue(j.get("ratio").asDouble() > 0, r.out());
        }
    }

    @Test
    void summaryIsAFewLinesWithoutAThroughputWindowOfZero() {
        CallCommandTest.Result r = corral("bench", "--language", "javascript", "--iterations", "3", "--warmup", "1",
                "--duration-seconds", "0", "--pacing-ms", "0");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("corral bench: javascript, in-process"), r.out());
        assertTrue(r.out().contains("warm latency: p50 "), r.out());
        assertFalse(r.out().contains("throughput:"), "no throughput phase was asked for: " + r.out());
    }

    @Test
    void unknownIsolationIsRejectedNamingWhatIsAllowed() {
        CallCommandTest.Result r = corral("bench", "--language", "python", "--isolation", "container");
        assertEquals(CorralCommand.REJECTED, r.status());
        assertTrue(r.err().contains("--isolation: 'container' is not a mode")
                && r.err().contains("allowed: in-process, process"), r.err());
    }

    @Test
    void failingProgramEndsTheBenchWithItsError(@TempDir Path dir) throws IOException {
        Path program = Files.writeString(dir.resolve("bad.js"), "throw new Error('nope')");
        CallCommandTest.Result r = corral("bench", "--language", "javascript", "--program", program.toString(),
                "--iterations", "1", "--warmup", "0", "--duration-seconds", "0");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("--program did not succeed") && r.err().contains("nope"), r.err());
    }
}
