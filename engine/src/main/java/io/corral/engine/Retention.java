package io.corral.engine;

import java.time.Duration;

/**
 * How much execution history to keep: at most {@code maxCount} executions, none older than
 * {@code maxAge} (null: no age limit). Older records are dropped as new ones arrive.
 *
 * <pre>{@code
 * ExecutionEngine.newBuilder().retention(new Retention(1_000, Duration.ofDays(7)));
 * ExecutionEngine.newBuilder().retention(Retention.NONE);   // record nothing
 * }</pre>
 */
public record Retention(int maxCount, Duration maxAge) {

    /** The default: the newest 10,000 executions, whatever their age. */
    public static final Retention DEFAULT = new Retention(10_000, null);

    /** Keep no history at all. */
    public static final Retention NONE = new Retention(0, null);

    public Retention {
        if (maxCount < 0) {
            throw new IllegalArgumentException("retention maxCount must be 0 or more, got " + maxCount);
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("retention maxAge must be positive or null, got " + maxAge);
        }
    }
}
