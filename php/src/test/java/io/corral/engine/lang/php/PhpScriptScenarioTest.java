package io.corral.engine.lang.php;

import io.corral.api.Language;
import io.corral.engine.ScriptScenarioTest;

import java.util.List;

/** The engine's script contract suite, run for PHP as it is (its expectation hooks know PHP's rules). */
class PhpScriptScenarioTest extends ScriptScenarioTest {

    static List<Language> languages() {
        return List.of(Language.PHP);
    }
}
