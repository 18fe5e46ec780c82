package io.corral.engine.lang.typescript;

import io.corral.api.Language;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.lang.LanguageOptions;
import io.corral.engine.lang.GuestLanguageProvider;

/** Registers {@link TypeScriptLanguage} with the engine. */
public final class TypeScriptProvider implements GuestLanguageProvider {

    @Override
    public Language language() {
        return Language.TYPESCRIPT;
    }

    @Override
    public GuestLanguage create(LanguageOptions options) {
        return new TypeScriptLanguage(options.cacheDirectory().map(d -> d.resolve("typescript")));
    }
}
