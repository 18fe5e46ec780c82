package io.corral.engine.lang.php;

import io.corral.api.Language;
import io.corral.engine.corpus.DifferentialCorpus;

import java.util.List;

/** The differential corpus's PHP programs, run under Corral and Debian's php through the same suite. */
class PhpDifferentialCorpusTest extends DifferentialCorpus {

    @Override
    protected List<Language> languages() {
        return List.of(Language.PHP);
    }
}
