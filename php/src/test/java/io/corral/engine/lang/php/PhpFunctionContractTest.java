package io.corral.engine.lang.php;

import io.corral.api.Language;
import io.corral.engine.FunctionContractTest;

import java.util.List;

/** The engine's all-languages function-contract scenario, run for PHP. */
class PhpFunctionContractTest extends FunctionContractTest {

    static List<Language> languages() {
        return List.of(Language.PHP);
    }
}
