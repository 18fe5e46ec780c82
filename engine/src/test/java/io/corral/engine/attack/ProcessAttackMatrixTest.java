package io.corral.engine.attack;

import io.corral.api.Language;
import io.corral.engine.ExecutionEngine;
import io.corral.engine.TestEngine;

import java.util.List;

/**
 * The attack matrix again, with each execution in a worker process (PROCESS isolation): the
 * closures hold in both modes. Every case in Python and JavaScript (Ruby runs in workers in the
 * shared engine already, and in-process in RubyInProcessAttackMatrixTest); TypeScript runs the
 * JavaScript runtime after a transpile that never sees guest values, so its in-process run covers it
 * (and keeps the default suite's time in bounds).
 */
class ProcessAttackMatrixTest extends AttackMatrix {

    @Override
    protected List<Language> languages() {
        return TestEngine.languages().stream().filter(l -> l != Language.TYPESCRIPT && l != Language.RUBY).toList();
    }

    @Override
    protected ExecutionEngine engine() {
        return TestEngine.process();
    }
}
