package io.corral.engine;

import io.corral.api.Execution;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.lang.GuestLanguage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Warm contexts that adapt to demand ({@code warmContexts(min, max)}): the pool grows when
 * executions find it empty, never past its maximum, serves the next executions from what it made,
 * and gives back what waits unused, never below its minimum.
 */
class AdaptivePoolTest {

    @Test
    void aPoolGrowsWithDemandUpToItsMaximumServesFromItAndShrinksBackWhenIdle() throws Exception {
        try (ExecutionEngine engine = ExecutionEngine.newBuilder().languages(Language.JAVASCRIPT).concurrency(4)
                .warmContexts(0, 3).build()) {
            // four at once on an empty pool: each finds none waiting
            List<ExecutionFuture> burst = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                burst.add(engine.runAsync(ScriptRequest.of(Language.JAVASCRIPT, "console.log(" + i + " + 1)")));
            }
            for (int i = 0; i < 4; i++) {
                assertEquals((i + 1) + "\n", burst.get(i).join().scriptResult().stdout());
            }
            PoolStatistics grown = engine.poolStatistics().get(Language.JAVASCRIPT);
            assertEquals(3, grown.target(), "grew with the misses, up to its maximum: " + grown);
            assertEquals(4, grown.misses(), grown.toString());
            awaitReady(engine, 3);

            for (int i = 0; i < 3; i++) {
                Execution e = engine.run(ScriptRequest.of(Language.JAVASCRIPT, "console.log('warm')"));
                assertEquals("warm\n", e.scriptResult().stdout());
            }
            PoolStatistics served = engine.poolStatistics().get(Language.JAVASCRIPT);
            assertEquals(3, served.hits(), "the next executions took contexts made ahead: " + served);
            assertEquals(4, served.misses(), served.toString());
            awaitReady(engine, 3);

            GuestLanguage js = engine.runtime(Language.JAVASCRIPT);
            assertFalse(js.trimIdle(), "it missed less than an idle period ago");
            for (int target = 2; target >= 0; target--) {
                assertTrue(js.trimIdle(Duration.ZERO));
                PoolStatistics s = engine.poolStatistics().get(Language.JAVASCRIPT);
                assertEquals(target, s.target(), s.toString());
                assertTrue(s.ready() <= target, "a context too many was closed: " + s);
            }
            assertFalse(js.trimIdle(Duration.ZERO), "never below its minimum");
            assertEquals("ok\n", engine.run(ScriptRequest.of(Language.JAVASCRIPT, "console.log('ok')"))
                    .scriptResult().stdout());
        }
    }

    @Test
    void aPoolDoesNotGrowPastTheMemoryBudget() {
        int twoContexts = 2 * ExecutionEngine.WARM_CONTEXT_MIB.get(Language.JAVASCRIPT);
        try (ExecutionEngine engine = ExecutionEngine.newBuilder().languages(Language.JAVASCRIPT).concurrency(4)
                .warmContexts(0, 3).warmContextsMemory(twoContexts).build()) {
            List<ExecutionFuture> burst = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                burst.add(engine.runAsync(ScriptRequest.of(Language.JAVASCRIPT, "console.log('b')")));
            }
            burst.forEach(f -> assertEquals("b\n", f.join().scriptResult().stdout()));
            PoolStatistics s = engine.poolStatistics().get(Language.JAVASCRIPT);
            assertEquals(4, s.misses(), s.toString());
            assertEquals(2, s.target(), "grew to the budget, not to its maximum of 3: " + s);
        }
    }

    @Test
    void boundsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> ExecutionEngine.newBuilder().warmContexts(2, 1));
        assertThrows(IllegalArgumentException.class, () -> ExecutionEngine.newBuilder().warmContexts(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> ExecutionEngine.newBuilder().warmContexts(0, 65));
        assertThrows(IllegalArgumentException.class, () -> ExecutionEngine.newBuilder().warmContextsMemory(-1));
    }

    private static void awaitReady(ExecutionEngine engine, int ready) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (engine.warmContextsReady(Language.JAVASCRIPT) < ready && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertEquals(ready, engine.warmContextsReady(Language.JAVASCRIPT), engine.poolStatistics().toString());
    }
}
