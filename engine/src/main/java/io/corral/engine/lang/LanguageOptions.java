package io.corral.engine.lang;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What an engine tells each of its languages when it creates them: settings chosen by the
 * embedder, never read from process-wide state (system properties, environment).
 *
 * @param cacheDirectory      where a language may keep derived data between engines (TypeScript's
 *                            transpiled output), or empty for memory only. Corral creates it with
 *                            owner-only permissions; it holds guest source text, so it must not be
 *                            shared between users.
 * @param fileSystemBytes     the size of a context's in-memory file system: the input files and the
 *                            scratch {@code /tmp} together
 * @param inWorker            the language runs inside a worker process's OS sandbox (PROCESS
 *                            isolation): a language may then allow what only that sandbox contains
 *                            (Ruby's native access)
 */
public record LanguageOptions(Optional<Path> cacheDirectory, long fileSystemBytes, boolean inWorker) {

    public LanguageOptions(Optional<Path> cacheDirectory, long fileSystemBytes) {
        this(cacheDirectory, fileSystemBytes, false);
    }

    /** No disk caches; Riza's file quotas. */
    public static final LanguageOptions DEFAULTS = of(Optional.empty(), io.corral.api.Configuration.RIZA);

    public LanguageOptions {
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    }

    /** The options an engine with this configuration gives its languages. */
    public static LanguageOptions of(Optional<Path> cacheDirectory, io.corral.api.Configuration configuration) {
        return new LanguageOptions(cacheDirectory, configuration.scratchBytes() + configuration.maxInputFileBytes());
    }
}
