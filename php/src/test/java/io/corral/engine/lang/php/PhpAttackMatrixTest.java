package io.corral.engine.lang.php;

import io.corral.api.Language;
import io.corral.engine.attack.AttackMatrix;

import java.util.List;

/** The engine's attack matrix, run for PHP through the same suite (not a copy). */
class PhpAttackMatrixTest extends AttackMatrix {

    @Override
    protected List<Language> languages() {
        return List.of(Language.PHP);
    }
}
