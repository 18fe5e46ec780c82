package io.corral.engine.lang.php;

import io.corral.api.Language;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.lang.LanguageOptions;
import io.corral.engine.lang.GuestLanguageProvider;

/** Registers {@link PhpLanguage} with the engine when the {@code corral-php} jar is on the class path. */
public final class PhpProvider implements GuestLanguageProvider {

    @Override
    public Language language() {
        return Language.PHP;
    }

    @Override
    public GuestLanguage create(LanguageOptions options) {
        return new PhpLanguage();
    }
}
