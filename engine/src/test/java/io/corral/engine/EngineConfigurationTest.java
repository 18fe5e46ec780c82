package io.corral.engine;

import io.corral.api.Configuration;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.RequestRejectedException;
import io.corral.api.ScriptRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineConfigurationTest {

    @Test
    void builderRefusesNonsenseWithAMessageSayingWhatToChange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExecutionEngine.newBuilder().concurrency(0));
        assertTrue(e.getMessage().contains("concurrency"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Configuration.RIZA.toBuilder()
                .maxExecutionTimeout(Duration.ofSeconds(5))
                .defaultExecutionTimeout(Duration.ofSeconds(10))
                .stdoutCapBytes(0)
                .build());
        assertTrue(e.getMessage().contains("defaultExecutionTimeout PT10S is above maxExecutionTimeout PT5S: lower the "
                + "default or raise the maximum"), e.getMessage());
        assertTrue(e.getMessage().contains("stdoutCapBytes must be at least 1, got 0"), "every problem at once: "
                + e.getMessage());
    }

    @Test
    void aSettingMadeTwiceIsRejectedNamingBothValues() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ExecutionEngine.newBuilder().concurrency(2).concurrency(4));
        assertEquals("concurrency was already set to 2 (now 4): set it once", e.getMessage());
        Configuration open = Configuration.RIZA.toBuilder().allowPrivateNetwork(true).build();
        e = assertThrows(IllegalStateException.class,
                () -> ExecutionEngine.newBuilder().configuration(open).configuration(Configuration.RIZA));
        assertTrue(e.getMessage().startsWith("configuration was already set to Configuration{"), e.getMessage());
    }

    @Test
    void aConfigurationKeepsEveryValueThroughToBuilder() {
        Configuration c = Configuration.RIZA.toBuilder().allowPrivateNetwork(true).maxInputFiles(3)
                .defaultExecutionTimeout(Duration.ofSeconds(7)).build();
        assertEquals(c, c.toBuilder().build());
        assertEquals(Duration.ofSeconds(7), c.defaultLimits().executionTimeout());
        assertEquals(Limits.RIZA.memorySizeMib(), c.defaultLimits().memorySizeMib());
        assertTrue(c.allowPrivateNetwork());
        assertFalse(Configuration.RIZA.allowPrivateNetwork(), "the preset is not changed by its builders");
    }

    @Test
    void languageNotEnabledInTheEngineIsRejected() {
        try (ExecutionEngine js = ExecutionEngine.newBuilder().languages(Language.JAVASCRIPT).build()) {
            RequestRejectedException e = assertThrows(RequestRejectedException.class,
                    () -> js.run(ScriptRequest.of(Language.RUBY, "puts 1")));
            assertEquals("language", e.field());
            assertTrue(e.getMessage().contains("javascript"), e.getMessage());
        }
    }

    @Test
    void fullQueueRejectsWithResourceExhausted() throws Exception {
        // one worker, a queue of one: the third concurrent run must be refused, not queued
        try (ExecutionEngine small = ExecutionEngine.newBuilder().languages(Language.JAVASCRIPT)
                .concurrency(1).queueCapacity(1).build()) {
            ScriptRequest sleeper = ScriptRequest.newBuilder(Language.JAVASCRIPT, "while (true) {}")
                    .limits(Limits.newBuilder().executionTimeoutSeconds(2).build()).build();
            List<CompletableFuture<?>> accepted = new ArrayList<>();
            accepted.add(small.runAsync(sleeper));
            accepted.add(small.runAsync(sleeper));
            RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> small.runAsync(sleeper));
            assertEquals(RequestRejectedException.Code.RESOURCE_EXHAUSTED, e.code());
            assertTrue(e.getMessage().contains("queue"), e.getMessage());
            for (CompletableFuture<?> f : accepted) {
                f.get();
            }
            // the limit still fires for the runs that were accepted, and the engine still works
            assertEquals(0, small.run(ScriptRequest.of(Language.JAVASCRIPT, "1")).exitCode());
        }
    }

    @Test
    void contextsCreatedAheadOfTimeServeOneExecutionEachAndShareNothing() throws Exception {
        try (ExecutionEngine warm = ExecutionEngine.newBuilder().languages(Language.JAVASCRIPT).warmContexts(2)
                .build()) {
            assertEquals("set\n", warm.run(ScriptRequest.of(Language.JAVASCRIPT,
                    TestEngine.program("global_set", Language.JAVASCRIPT))).scriptResult().stdout());
            io.corral.engine.lang.GuestLanguage js = warm.runtime(Language.JAVASCRIPT);
            long takenBefore = js.contextsTakenWarm();
            for (int i = 0; i < 3; i++) {
                awaitWarmContext(js);
                assertEquals("absent absent\n", warm.run(ScriptRequest.of(Language.JAVASCRIPT,
                        TestEngine.program("global_check", Language.JAVASCRIPT))).scriptResult().stdout());
            }
            assertEquals(takenBefore + 3, js.contextsTakenWarm(),
                    "each of the three executions ran in a context created ahead of time");
            awaitWarmContext(js);
            assertEquals("v1\n", warm.run(ScriptRequest.newBuilder(Language.JAVASCRIPT,
                    "console.log(process.env.K1)").env("K1", "v1").build()).scriptResult().stdout(),
                    "per-execution state is bound after the context was created");
            assertEquals(takenBefore + 4, js.contextsTakenWarm());
            PoolStatistics stats = warm.poolStatistics().get(Language.JAVASCRIPT);
            assertEquals(takenBefore + 4, stats.hits(), stats.toString());
            assertEquals(2, stats.target(), stats.toString());
            assertTrue(stats.created() >= stats.hits() && stats.meanCreationMillis() > 0, stats.toString());
            assertTrue(warm.poolStatistics().keySet().stream().allMatch(l -> l == Language.JAVASCRIPT),
                    "reading the figures starts no other language: " + warm.poolStatistics());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExecutionEngine.newBuilder().warmContexts(-1));
        assertTrue(e.getMessage().contains("warmContexts"), e.getMessage());
    }

    /** Waits (without a timing assertion: the machine may be slow) until the warmer has a context ready. */
    private static void awaitWarmContext(io.corral.engine.lang.GuestLanguage language) {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (language.warmContextsReady() == 0) {
            if (System.nanoTime() > until) {
                throw new AssertionError("no context was created ahead of time within 2 minutes");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
