package io.corral.cli;

import io.corral.engine.ExecutionEngine;

import java.time.Duration;

/**
 * Where a command gets its engine: a one-shot invocation builds its own (only the language it
 * runs is ever started, since engines start lazily); tests hand in a shared one.
 */
public interface EngineProvider {

    /** Longest {@code --timeout} the command accepts. */
    Duration MAX_TIMEOUT = Duration.ofHours(1);

    /** An engine whose guests may reach loopback and private addresses when {@code allowPrivateNetwork}. */
    ExecutionEngine engine(boolean allowPrivateNetwork);

    default ExecutionEngine engine() {
        return engine(false);
    }

    /** Called when the command is done with the engine. */
    void release(ExecutionEngine engine);

    static EngineProvider perInvocation() {
        return new EngineProvider() {
            @Override
            public ExecutionEngine engine(boolean allowPrivateNetwork) {
                return ExecutionEngine.newBuilder()
                        .allowPrivateNetwork(allowPrivateNetwork)
                        .concurrency(1)
                        .queueCapacity(1)
                        .maxExecutionTimeout(MAX_TIMEOUT)
                        .build();
            }

            @Override
            public void release(ExecutionEngine engine) {
                engine.close();
            }
        };
    }

    static EngineProvider shared(ExecutionEngine engine) {
        return new EngineProvider() {
            @Override
            public ExecutionEngine engine(boolean allowPrivateNetwork) {
                return engine;
            }

            @Override
            public void release(ExecutionEngine e) {
            }
        };
    }
}
