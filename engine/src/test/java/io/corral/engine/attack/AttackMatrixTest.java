package io.corral.engine.attack;

import io.corral.api.Language;
import io.corral.engine.TestEngine;

import java.util.List;

/** The attack matrix in every language of the engine module (PHP runs it in its own module). */
class AttackMatrixTest extends AttackMatrix {

    @Override
    protected List<Language> languages() {
        return TestEngine.languages();
    }
}
