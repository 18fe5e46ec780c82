package io.corral.engine.lang.ruby;

import io.corral.api.Language;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.lang.LanguageOptions;
import io.corral.engine.lang.GuestLanguageProvider;

/** Registers {@link RubyLanguage} with the engine. */
public final class RubyProvider implements GuestLanguageProvider {

    @Override
    public Language language() {
        return Language.RUBY;
    }

    @Override
    public GuestLanguage create(LanguageOptions options) {
        return new RubyLanguage();
    }
}
