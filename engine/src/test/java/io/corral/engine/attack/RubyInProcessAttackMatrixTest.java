package io.corral.engine.attack;

import io.corral.api.Language;
import io.corral.engine.ExecutionEngine;
import io.corral.engine.TestEngine;

import java.util.List;

/**
 * The attack matrix for Ruby in-process: Ruby runs in worker processes by default (so
 * {@code AttackMatrixTest} runs it there), and in-process where process isolation is unavailable,
 * with the same cases and expectations (docs/security.md).
 */
class RubyInProcessAttackMatrixTest extends AttackMatrix {

    @Override
    protected List<Language> languages() {
        return List.of(Language.RUBY);
    }

    @Override
    protected ExecutionEngine engine() {
        return TestEngine.rubyInProcess();
    }
}
