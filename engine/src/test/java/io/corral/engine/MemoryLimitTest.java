package io.corral.engine;

import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.Outcome;
import io.corral.api.ScriptRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code limits.memory_size} in-process: a program that holds more than its memory size is stopped
 * by the heap guard (status 137, {@code memory limit of N MiB exceeded}) before the heap runs out,
 * and one that allocates far more than its memory size while holding little completes. The concurrent
 * case, in a JVM whose heap is small, is {@code MemoryLimitHostTest}; what the guard measures is in
 * {@code docs/security.md}.
 */
class MemoryLimitTest {

    static List<Language> languages() {
        return TestEngine.languagesWith("memory_bomb");
    }

    /**
     * The longest time limit the engine allows: these programs allocate gigabytes, which takes a
     * while on a loaded machine, and only their memory is under test.
     */
    private static final Limits UNHURRIED = Limits.newBuilder().executionTimeout(java.time.Duration.ofMinutes(5)).build();

    private static ScriptRequest request(String scenario, Language lang, Limits limits) {
        return ScriptRequest.newBuilder(lang, TestEngine.program(scenario, lang)).limits(limits).build();
    }

    private static String describe(ExecResult r) {
        return r.outcome() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    /** Runs a request on the shared engine, with the host's warnings that it ran out of heap collected. */
    private static Execution runWatchingTheHeapWarnings(ScriptRequest request, List<String> heapWarnings) {
        Logger runner = Logger.getLogger(GuestRunner.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getMessage() != null && r.getMessage().contains("exhausted the heap")) {
                    heapWarnings.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        runner.addHandler(capture);
        try {
            return TestEngine.shared().run(request);
        } finally {
            runner.removeHandler(capture);
        }
    }

    /**
     * Each test starts from a heap without the previous one's garbage (a gigabyte, from a bomb):
     * memory released while an execution runs makes the guard guess its baseline, a weakness of
     * its own (docs/security.md, "precision"), which {@code HeapGuardTest} tests on purpose.
     */
    @BeforeEach
    void collectWhatThePreviousTestLeft() {
        System.gc();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void aProgramHoldingMoreThanItsMemorySizeIsStoppedWithStatus137(Language lang) {
        List<String> heapWarnings = new CopyOnWriteArrayList<>();
        Execution ex = runWatchingTheHeapWarnings(request("memory_bomb", lang, UNHURRIED), heapWarnings);
        ExecResult r = ex.scriptResult();
        assertEquals(Outcome.Kind.MEMORY_LIMIT, r.outcome().kind(), describe(r));
        assertEquals(Outcome.MEMORY_LIMIT_STATUS, r.exitCode(), describe(r));
        assertEquals(137, ex.exitCode());
        assertTrue(r.stdout().startsWith("started\n"), describe(r));
        assertFalse(r.timedOut(), "stopped for its memory while it held it, not at its time limit: " + describe(r));
        assertTrue(ex.notices().contains("memory limit of 128 MiB exceeded"), ex.notices().toString());
        assertEquals(List.of(), heapWarnings, "the guard stopped it, not the heap running out");

        ExecResult next = TestEngine.shared().run(ScriptRequest.of(lang, TestEngine.program("hello", lang)))
                .scriptResult();
        assertEquals("hello, world\n", next.stdout(), "the next execution works: " + describe(next));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theLimitIsTheRequestsMemorySize(Language lang) {
        Execution ex = TestEngine.shared().run(request("memory_bomb", lang, Limits.newBuilder().memorySizeMib(64)
                .executionTimeout(UNHURRIED.executionTimeout()).build()));
        assertEquals(Outcome.Kind.MEMORY_LIMIT, ex.outcome().kind(), describe(ex.scriptResult()));
        assertTrue(ex.notices().contains("memory limit of 64 MiB exceeded"), ex.notices().toString());
    }

    @ParameterizedTest
    @MethodSource("languages")
    void aProgramAllocatingTenTimesItsMemorySizeWhileHoldingLittleCompletes(Language lang) {
        Execution ex = TestEngine.shared().run(request("memory_churn", lang, UNHURRIED));
        ExecResult r = ex.scriptResult();
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals(Outcome.Kind.COMPLETED, r.outcome().kind(), describe(r));
        assertEquals("ok\n", r.stdout(), describe(r));
        assertFalse(ex.notices().stream().anyMatch(n -> n.startsWith("memory")), ex.notices().toString());
    }
}
