package io.corral.engine;

import io.corral.api.Execution;

import java.util.concurrent.CompletableFuture;

/**
 * An execution under way: completes with its {@link Execution} record. {@link #cancel} stops it
 * — before it starts, or by closing its context while it runs — and the record is written all the
 * same, with the outcome {@link io.corral.api.Outcome.Kind#CANCELLED} (look it up with
 * {@link ExecutionEngine#findExecution} and {@link #id()}).
 *
 * <pre>{@code
 * ExecutionFuture run = engine.runAsync(ScriptRequest.of(Language.PYTHON, "while True: pass"));
 * run.cancel(true);
 * engine.findExecution(run.id()).orElseThrow().outcome().isCancelled();   // true, once recorded
 * }</pre>
 *
 * @since 0.1
 */
public final class ExecutionFuture extends CompletableFuture<Execution> {

    private final String id;
    private final RunControl control;
    private volatile boolean cancelRequested;

    ExecutionFuture(String id, RunControl control) {
        this.id = id;
        this.control = control;
    }

    /** The id the execution is recorded under. */
    public String id() {
        return id;
    }

    /**
     * Stops the execution (whether or not {@code mayInterruptIfRunning}: a guest is always stopped
     * by closing its context) and completes this future with a {@link java.util.concurrent.CancellationException}.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (isDone()) {
            return isCancelled();
        }
        cancelRequested = true;
        control.cancel();
        // the execution's own thread may complete it first, then cancelled as well (completeCancelled)
        return super.cancel(mayInterruptIfRunning);
    }

    /** Whether {@link #cancel} was called (not the engine closing, which completes it with the record). */
    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Completes it cancelled, from the execution's thread, when its guest was stopped by {@link #cancel}. */
    void completeCancelled() {
        super.cancel(false);
    }
}
