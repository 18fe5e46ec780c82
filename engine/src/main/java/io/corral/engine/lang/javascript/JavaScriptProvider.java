package io.corral.engine.lang.javascript;

import io.corral.api.Language;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.lang.LanguageOptions;
import io.corral.engine.lang.GuestLanguageProvider;

/** Registers {@link JavaScriptLanguage} with the engine. */
public final class JavaScriptProvider implements GuestLanguageProvider {

    @Override
    public Language language() {
        return Language.JAVASCRIPT;
    }

    @Override
    public GuestLanguage create(LanguageOptions options) {
        return new JavaScriptLanguage();
    }
}
