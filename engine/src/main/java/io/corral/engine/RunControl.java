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
    private boolean started;
    /** Stops what runs the execution now: its context, or its worker process. */
    private Runnable running;
    private Runnable ifCancelledBeforeStart;
    private Runnable afterwards;

    RunControl(Watchdog watchdog) {
        this.watchdog = watchdog;
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    /**
     * What {@link #cancel} runs, on the cancelling thread, when no worker has {@link #start started}
     * the execution yet: it then never will, and a worker may not be free for a long time.
     */
    synchronized void ifCancelledBeforeStart(Runnable action) {
        this.ifCancelledBeforeStart = action;
    }

    /**
     * Claims the execution for the worker about to run it; false when it was cancelled before (the
     * cancellation dealt with it: the worker skips it).
     */
    synchronized boolean start() {
        if (cancelled && ifCancelledBeforeStart != null) {
            return false;
        }
        started = true;
        return true;
    }

    /** Marks the execution cancelled and stops its guest if one runs; idempotent. */
    void cancel() {
        Runnable stop;
        Runnable notStarted = null;
        synchronized (this) {
            if (!cancelled && !started) {
                notStarted = ifCancelledBeforeStart;
            }
            cancelled = true;
            stop = running;
        }
        if (stop != null) {
            watchdog.execute(stop);
        }
        if (notStarted != null) {
            notStarted.run();
        }
    }

    /** The execution's context from now on; cancelled at once when the execution already was. */
    void attach(GuestContext context) {
        attach(context::cancel);
    }

    /** What stops the execution from now on (a worker's cancel); run at once when it was cancelled already. */
    void attach(Runnable stopper) {
        boolean stopNow;
        synchronized (this) {
            running = stopper;
            stopNow = cancelled;
        }
        if (stopNow) {
            watchdog.execute(stopper);
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
