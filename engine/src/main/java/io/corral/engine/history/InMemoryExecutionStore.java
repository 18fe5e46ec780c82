package io.corral.engine.history;

import io.corral.engine.spi.ExecutionStore;
import io.corral.api.Execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * {@link ExecutionStore} in a sorted concurrent map; lost when the JVM exits.
 *
 * <pre>{@code
 * ExecutionEngine.newBuilder().executionStore(new InMemoryExecutionStore());
 * }</pre>
 */
public final class InMemoryExecutionStore implements ExecutionStore {

    private final ConcurrentSkipListMap<String, Execution> byId = new ConcurrentSkipListMap<>();

    @Override
    public void record(Execution execution) {
        byId.put(execution.id(), execution);
    }

    @Override
    public Optional<Execution> get(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Execution> list(String startingAfter, int limit, boolean onlyNonZeroExitCodes) {
        ConcurrentNavigableMap<String, Execution> tail = startingAfter == null ? byId : byId.tailMap(startingAfter, false);
        List<Execution> out = new ArrayList<>(Math.min(limit, 100));
        for (Execution e : tail.values()) {
            if (out.size() >= limit) {
                break;
            }
            if (!onlyNonZeroExitCodes || e.exitCode() != 0) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public void prune(int maxCount, Instant startedBefore) {
        while (byId.size() > maxCount) {
            Map.Entry<String, Execution> oldest = byId.pollFirstEntry();
            if (oldest == null) {
                break;
            }
        }
        if (startedBefore != null) {
            byId.values().removeIf(e -> e.startedAt().isBefore(startedBefore));
        }
    }
}
