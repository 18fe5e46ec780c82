package io.corral.engine.corpus;

import io.corral.api.Language;
import io.corral.engine.TestEngine;

import java.util.List;

/** The differential corpus in every language of the engine module (PHP runs it in its own module). */
class DifferentialCorpusTest extends DifferentialCorpus {

    @Override
    protected List<Language> languages() {
        return TestEngine.languages();
    }
}
