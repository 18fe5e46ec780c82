package io.corral.engine.sandbox;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops executions at their wall-clock deadline from a thread of its own. Closing the context
 * with cancellation stops loops that catch everything, which statement limits cannot do for
 * every language (they never fire in GraalPy).
 */
public final class Watchdog implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "corral-watchdog");
        t.setDaemon(true);
        return t;
    });

    // Cancelling runs on threads of its own: a context that is slow to close (or never closes,
    // graal#3321) must not hold up the deadlines of every other execution.
    private final ExecutorService cancellers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "corral-cancel");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code action} after {@code delay}; cancel the returned future when the run ends first. */
    public ScheduledFuture<?> schedule(Duration delay, Runnable action) {
        return timer.schedule(() -> execute(action), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code action} every {@code period} (first after one period) until the returned future is cancelled. */
    public ScheduledFuture<?> scheduleAtFixedRate(Duration period, Runnable action) {
        long n = Math.max(1, period.toNanos());
        return timer.scheduleAtFixedRate(action, n, n, TimeUnit.NANOSECONDS);
    }

    /** Runs {@code action} as soon as possible, off the caller's thread. */
    public void execute(Runnable action) {
        try {
            cancellers.execute(action);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the engine is closing: its contexts are closed with it
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        cancellers.shutdownNow();
    }
}
