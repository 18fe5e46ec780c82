package io.corral.engine.lang.ruby;

import io.corral.engine.ExecutionEngine;
import io.corral.engine.TestEngine;

/**
 * Where a Ruby test runs its code: in a worker process (the shared engine: Ruby's default) or
 * in-process (the restricted fallback). Tests of what both modes share run in each.
 */
enum RubyMode {
    WORKER, IN_PROCESS;

    ExecutionEngine engine() {
        return this == WORKER ? TestEngine.shared() : TestEngine.rubyInProcess();
    }
}
