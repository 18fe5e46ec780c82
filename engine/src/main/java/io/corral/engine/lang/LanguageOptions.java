package io.corral.engine.lang;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What an engine tells each of its languages when it creates them: settings chosen by the
 * embedder, never read from process-wide state (system properties, environment).
 *
 * @param cacheDirectory where a language may keep derived data between engines (TypeScript's
 *                       transpiled output), or empty for memory only. Corral creates it with owner-only
 *                       permissions; it holds guest source text, so it must not be shared between
 *                       users.
 */
public record LanguageOptions(Optional<Path> cacheDirectory) {

    /** No disk caches. */
    public static final LanguageOptions DEFAULTS = new LanguageOptions(Optional.empty());

    public LanguageOptions {
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    }
}
