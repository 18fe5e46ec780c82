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

    ExecutionEngine engine();

    /** Called when the command is done with the engine. */
    void release(ExecutionEngine engine);

    static EngineProvider perInvocation() {
        return new EngineProvider() {
            @Override
            public ExecutionEngine engine() {
                return ExecutionEngine.newBuilder()
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
            public ExecutionEngine engine() {
                return engine;
            }

            @Override
            public void release(ExecutionEngine e) {
            }
        };
    }
}
