package io.corral.engine;

import io.corral.engine.lang.GuestContext;
import io.corral.engine.sandbox.Watchdog;

/**
 * The handle by which one execution can be cancelled from outside ({@link ExecutionFuture#cancel},
 * the engine closing): before it starts (it then never takes a context) or while it runs (its
 * context is closed, which stops the guest wherever it is).
 */
final class RunControl {

    private final Watchdog watchdog;
    private boolean cancelled;
    private GuestContext running;
    private Runnable afterwards;

    RunControl(Watchdog watchdog) {
        this.watchdog = watchdog;
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    /** Marks the execution cancelled and stops its guest if one runs; idempotent. */
    void cancel() {
        GuestContext stop;
        synchronized (this) {
            cancelled = true;
            stop = running;
        }
        if (stop != null) {
            watchdog.execute(stop::cancel);
        }
    }

    /** The execution's context from now on; cancelled at once when the execution already was. */
    void attach(GuestContext context) {
        boolean stopNow;
        synchronized (this) {
            running = context;
            stopNow = cancelled;
        }
        if (stopNow) {
            watchdog.execute(context::cancel);
        }
    }

    synchronized void detach() {
        running = null;
    }

    /**
     * Work to do once the execution's result has been handed over ({@link #finished}): closing its
     * context and making the replacement would otherwise delay the result.
     */
    synchronized void afterwards(Runnable work) {
        afterwards = work;
    }

    /** Called once the result was handed over (or the execution failed): runs what was left for afterwards. */
    void finished() {
        Runnable work;
        synchronized (this) {
            work = afterwards;
            afterwards = null;
        }
        if (work != null) {
            work.run();
        }
    }
}
