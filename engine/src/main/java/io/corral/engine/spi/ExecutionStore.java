package io.corral.engine.spi;

import io.corral.api.Execution;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where execution records live. Kept narrow so a database can implement it: records are addressed
 * by id, listed by an id cursor in ascending id order, and pruned by count and start time.
 * Implementations must be thread-safe.
 */
public interface ExecutionStore {

    /** Stores a finished execution; its id is new. */
    void record(Execution execution);

    Optional<Execution> get(String id);

    /**
     * Up to {@code limit} executions with an id greater than {@code startingAfter} (all when null),
     * ascending; only those with a non-zero exit code when {@code onlyNonZeroExitCodes}.
     */
    List<Execution> list(String startingAfter, int limit, boolean onlyNonZeroExitCodes);

    /** Drops records beyond the newest {@code maxCount} and, when set, those started before {@code startedBefore}. */
    void prune(int maxCount, Instant startedBefore);
}
