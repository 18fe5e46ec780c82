package io.corral.engine.lang;

import io.corral.api.Language;

/**
 * Makes a {@link GuestLanguage} available to the engine. Providers are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.corral.engine.lang.GuestLanguageProvider}),
 * so a language kept in its own Maven module (PHP, for its licence) is present exactly when its
 * jar is on the class path.
 */
public interface GuestLanguageProvider {

    Language language();

    /** A new runtime for the language, for one engine; its GraalVM engine starts on first use. */
    GuestLanguage create(LanguageOptions options);
}
