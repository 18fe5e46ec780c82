package io.corral.cli;

import io.corral.api.Language;
import io.corral.engine.ExecutionEngine;

import java.time.Duration;

/**
 * Where a command gets its engine: a one-shot invocation builds its own (only the language it
 * runs is ever started, since engines start lazily); tests hand in a shared one.
 */
public interface EngineProvider {

    /** Longest {@code --timeout} the command accepts. */
    Duration MAX_TIMEOUT = Duration.ofHours(1);

    /**
     * An engine for a run in {@code language} (null: every language) whose guests may reach
     * loopback and private addresses when {@code allowPrivateNetwork}.
     */
    ExecutionEngine engine(Language language, boolean allowPrivateNetwork, io.corral.api.Isolation isolation);

    default ExecutionEngine engine(Language language, boolean allowPrivateNetwork) {
        return engine(language, allowPrivateNetwork, null);
    }

    default ExecutionEngine engine() {
        return engine(null, false);
    }

    /** Called when the command is done with the engine. */
    void release(ExecutionEngine engine);

    static EngineProvider perInvocation() {
        return new EngineProvider() {
            @Override
            public ExecutionEngine engine(Language language, boolean allowPrivateNetwork,
                                          io.corral.api.Isolation isolation) {
                ExecutionEngine.Builder b = ExecutionEngine.newBuilder();
                if (isolation != null) {
                    b.isolation(isolation);
                }
                // a one-shot run starts only its own language (and no other language's warm-up work)
                if (language != null && ExecutionEngine.availableLanguages().contains(language)) {
                    b.languages(language);
                }
                return b
                        .cacheDirectory(userCacheDirectory())
                        .configuration(io.corral.api.Configuration.RIZA.toBuilder()
                                .allowPrivateNetwork(allowPrivateNetwork)
                                .maxExecutionTimeout(MAX_TIMEOUT)
                                .build())
                        .concurrency(1)
                        .queueCapacity(1)
                        // one execution, then the engine closes: a context made ahead of time would
                        // only delay the close
                        .warmContexts(0)
                        .build();
            }

            @Override
            public void release(ExecutionEngine engine) {
                engine.close();
            }
        };
    }

    /**
     * The invoking user's own cache folder for Corral ({@code $XDG_CACHE_HOME/corral}, else
     * {@code ~/.cache/corral}): one-shot runs of the same TypeScript source skip the compiler.
     */
    static java.nio.file.Path userCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() ? java.nio.file.Path.of(xdg, "corral")
                : java.nio.file.Path.of(System.getProperty("user.home"), ".cache", "corral");
    }

    static EngineProvider shared(ExecutionEngine engine) {
        return new EngineProvider() {
            @Override
            public ExecutionEngine engine(Language language, boolean allowPrivateNetwork,
                                          io.corral.api.Isolation isolation) {
                return engine;
            }

            @Override
            public void release(ExecutionEngine e) {
            }
        };
    }
}
