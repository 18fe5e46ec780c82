package io.corral.engine.isolation;

import io.corral.api.Execution;
import io.corral.api.Isolation;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.ExecutionEngine;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProcessSmokeTest {
    @Test
    void pythonRunsInAWorker() {
        try (ExecutionEngine e = ExecutionEngine.newBuilder().languages(Language.PYTHON).isolation(Isolation.PROCESS)
                .warmContexts(0).build()) {
            long t0 = System.nanoTime();
            Execution x = e.run(ScriptRequest.of(Language.PYTHON, "import os\nprint(1+1, os.getpid())"));
            System.out.println("first " + (System.nanoTime() - t0) / 1e6 + " ms " + x.outcome() + " " + x.scriptResult().stdout() + x.scriptResult().stderr() + x.notices());
            for (int i = 0; i < 5; i++) {
                t0 = System.nanoTime();
                x = e.run(ScriptRequest.of(Language.PYTHON, "print(" + i + "+1)"));
                System.out.println("next " + (System.nanoTime() - t0) / 1e6 + " ms " + x.scriptResult().stdout().strip() + x.notices());
            }
            assertEquals("5\n", x.scriptResult().stdout());
        }
    }
}
