package io.corral.engine;

import io.corral.api.Execution;

/**
 * Told about every execution an engine records — the figures a server would export: language,
 * {@link Execution#outcome() outcome}, duration, outbound HTTP counts ({@link Execution#http()}).
 *
 * <pre>{@code
 * ExecutionEngine engine = ExecutionEngine.newBuilder()
 *         .listener(ex -> metrics.timer("corral." + ex.language().wireName() + "." + ex.outcome().kind().wireName())
 *                 .record(Duration.ofMillis(ex.duration())))
 *         .build();
 * }</pre>
 *
 * <p>Called on the thread that ran the execution, after its record is stored and before its
 * future completes; keep it short. An exception it throws is logged and does not affect the
 * execution. The same figures are also committed as the JFR event {@code io.corral.Execution}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ExecutionListener {

    void executionRecorded(Execution execution);
}
