package io.corral.engine.sandbox;

import java.time.Duration;
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

    /** Runs {@code action} after {@code delay}; cancel the returned future when the run ends first. */
    public ScheduledFuture<?> schedule(Duration delay, Runnable action) {
        return timer.schedule(action, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code action} as soon as possible on the watchdog thread. */
    public void execute(Runnable action) {
        timer.execute(action);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
