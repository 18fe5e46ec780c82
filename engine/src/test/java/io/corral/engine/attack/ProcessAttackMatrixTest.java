package io.corral.engine.attack;

import io.corral.api.Language;
import io.corral.engine.ExecutionEngine;
import io.corral.engine.TestEngine;

import java.util.List;

/**
 * The attack matrix again, with each execution in a worker process (PROCESS isolation): the
 * closures hold in both modes. Every case in Python, JavaScript and Ruby; TypeScript runs the
 * JavaScript runtime after a transpile that never sees guest values, so its in-process run covers it
 * (and keeps the default suite's time in bounds).
 */
class ProcessAttackMatrixTest extends AttackMatrix {

    @Override
    protected List<Language> languages() {
        return TestEngine.languages().stream().filter(l -> l != Language.TYPESCRIPT).toList();
    }

    @Override
    protected ExecutionEngine engine() {
        return TestEngine.process();
    }
}
