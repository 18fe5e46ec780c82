package io.corral.benchmarks;

import io.corral.api.Configuration;
import io.corral.api.Execution;
import io.corral.api.Language;
import io.corral.engine.ExecutionEngine;

import java.time.Duration;

/** How every benchmark builds its engine, waits for its warm pool and checks a run succeeded. */
final class Engines {

    /** How long a paced invocation waits at most for the pool to refill. */
    private static final Duration REFILL_BOUND = Duration.ofSeconds(10);

    private Engines() {
    }

    /**
     * A started engine for one language: {@code warmContexts} kept ahead, two workers (the
     * machines these run on have two cores), guests allowed to reach 127.0.0.1 (the egress
     * benchmark's server; nothing else is allowed by any request).
     */
    static ExecutionEngine start(Language language, int warmContexts) {
        return start(language, warmContexts, ExecutionEngine.defaultIsolation(language));
    }

    /** As {@link #start(Language, int)}, in the given isolation (PROCESS: worker JVMs, warm ones kept ready). */
    static ExecutionEngine start(Language language, int warmContexts, io.corral.api.Isolation isolation) {
        ExecutionEngine engine = ExecutionEngine.newBuilder()
                .languages(language)
                .isolation(isolation)
                .warmContexts(warmContexts)
                .concurrency(2)
                .configuration(Configuration.RIZA.toBuilder().allowPrivateNetwork(true).build())
                .build();
        engine.warmUp();
        return engine;
    }

    /** Waits (off the measured path) until the pool holds {@code target} contexts again. */
    static void awaitWarm(ExecutionEngine engine, Language language, int target) throws InterruptedException {
        long bound = System.nanoTime() + REFILL_BOUND.toNanos();
        while (engine.warmContextsReady(language) < target && System.nanoTime() < bound) {
            Thread.sleep(1);
        }
    }

    /** The execution, if it succeeded: a failing program would be measured as fast. */
    static Execution succeeded(Execution execution) {
        if (!execution.succeeded()) {
            String stderr = execution.type() == io.corral.api.ExecutionType.SCRIPT ? execution.scriptResult().stderr()
                    : execution.functionResult().execution().stderr();
            throw new IllegalStateException(execution.language().wireName() + " run failed ("
                    + execution.outcome().kind().wireName() + "): " + stderr);
        }
        return execution;
    }
}
