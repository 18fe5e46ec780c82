package io.corral.engine;

import io.corral.engine.isolation.WorkerSandbox;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need bubblewrap: where it is missing they are skipped, except on CI
 * ({@code CI=true}), where they fail, so a CI machine without it never passes quietly.
 */
public final class ProcessIsolation {

    private static final WorkerSandbox SANDBOX = WorkerSandbox.probe();

    private ProcessIsolation() {
    }

    public static void requireSandbox() {
        String why = SANDBOX.unavailableReason().orElse(null);
        if (why == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("process isolation is unavailable on this CI machine: " + why);
        }
        Assumptions.abort("process isolation is unavailable here: " + why);
    }
}
