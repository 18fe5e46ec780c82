package io.corral.engine;

import io.corral.api.Language;

/**
 * One language's pool of contexts created ahead of time, as of when it was read: how many are kept
 * ({@link #target}) and waiting ({@link #ready}), how many executions got one ({@link #hits}) or had
 * to create their own ({@link #misses}), and what creating a context costs
 * ({@link #meanCreationMillis}, over every context the language made, warm or not).
 *
 * <pre>{@code
 * engine.poolStatistics().forEach((language, s) -> System.out.println(s));
 * }</pre>
 *
 * @since 0.1
 */
public final class PoolStatistics {

    private final Language language;
    private final int target;
    private final int ready;
    private final long hits;
    private final long misses;
    private final long created;
    private final double meanCreationMillis;

    PoolStatistics(Language language, int target, int ready, long hits, long misses, long created,
                   double meanCreationMillis) {
        this.language = language;
        this.target = target;
        this.ready = ready;
        this.hits = hits;
        this.misses = misses;
        this.created = created;
        this.meanCreationMillis = meanCreationMillis;
    }

    public Language language() {
        return language;
    }

    /** How many contexts the pool keeps ready ({@link ExecutionEngine.Builder#warmContexts}). */
    public int target() {
        return target;
    }

    /** How many contexts are waiting for an execution now. */
    public int ready() {
        return ready;
    }

    /** Executions so far that were given a context created ahead of time. */
    public long hits() {
        return hits;
    }

    /** Executions so far that had to create their own context (the pool was empty or off). */
    public long misses() {
        return misses;
    }

    /** Contexts created so far, for the pool, for executions and for warm-up. */
    public long created() {
        return created;
    }

    /** The mean wall time of creating one context with its prelude, in milliseconds (0 before the first). */
    public double meanCreationMillis() {
        return meanCreationMillis;
    }

    @Override
    public String toString() {
        return "PoolStatistics{" + language.wireName() + ", target=" + target + ", ready=" + ready + ", hits=" + hits
                + ", misses=" + misses + ", created=" + created + ", meanCreationMillis="
                + String.format(java.util.Locale.ROOT, "%.1f", meanCreationMillis) + "}";
    }
}
