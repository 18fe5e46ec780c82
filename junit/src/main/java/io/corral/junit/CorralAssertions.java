package io.corral.junit;

import io.corral.api.Execution;

/**
 * Entry point for fluent assertions on what Corral ran.
 *
 * <pre>{@code
 * import static io.corral.junit.CorralAssertions.assertThat;
 *
 * assertThat(run).succeeded().hasOutputJson("{\"sum\": 5}");
 * assertThat(run).hasOutcome(Outcome.Kind.GUEST_ERROR).stderrContains("ZeroDivisionError");
 * }</pre>
 *
 * @since 0.1
 */
public final class CorralAssertions {

    private CorralAssertions() {
    }

    /** Assertions on an execution (script, function or tool run). */
    public static ExecutionAssert assertThat(Execution execution) {
        return new ExecutionAssert(execution);
    }
}
