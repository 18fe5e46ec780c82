package io.corral.engine.lang.php;

import io.corral.api.Language;
import io.corral.engine.files.InputFilesSuite;

import java.util.List;

/** The engine's input-files suite, run for PHP as it is. */
class PhpInputFilesTest extends InputFilesSuite {

    @Override
    protected List<Language> languages() {
        return List.of(Language.PHP);
    }
}
