package io.corral.engine.lang.python;

import io.corral.api.Language;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.lang.LanguageOptions;
import io.corral.engine.lang.GuestLanguageProvider;

/** Registers {@link PythonLanguage} with the engine. */
public final class PythonProvider implements GuestLanguageProvider {

    @Override
    public Language language() {
        return Language.PYTHON;
    }

    @Override
    public GuestLanguage create(LanguageOptions options) {
        return new PythonLanguage();
    }
}
