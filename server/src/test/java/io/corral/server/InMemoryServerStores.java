package io.corral.server;

import io.corral.api.Execution;
import io.corral.api.Secret;
import io.corral.api.Tool;
import io.corral.engine.spi.ExecutionStore;
import io.corral.engine.spi.SecretStore;
import io.corral.engine.spi.ToolStore;
import io.corral.server.store.RequestLedger;
import io.corral.server.store.ServerStores;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Test-only {@link ServerStores} in synchronized maps, as the SQL stores behave: ascending ids,
 * compare-and-set on a tool's revision, tool names not unique, secrets never listed with values.
 * Every method fails once the stores are closed, so a test notices a server closing stores it
 * does not own.
 */
final class InMemoryServerStores implements ServerStores {

    private final Object lock = new Object();
    private final TreeMap<String, Tool> currentTools = new TreeMap<>();
    private final Map<String, Tool> revisions = new HashMap<>();
    private final TreeMap<String, Secret> secrets = new TreeMap<>();
    private final Map<String, String> secretValues = new HashMap<>();
    private final TreeMap<String, Execution> executions = new TreeMap<>();
    private final List<LedgerEntry> ledger = new ArrayList<>();
    private boolean closed;

    private record LedgerEntry(String executionId, String apiKeyId, String requestHash, Instant at) {
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("the stores are closed");
        }
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private final ToolStore tools = new ToolStore() {
        @Override
        public void insert(Tool tool) {
            synchronized (lock) {
                open();
                if (currentTools.containsKey(tool.id())) {
                    throw new IllegalStateException("tool id " + tool.id() + " is already stored");
                }
                currentTools.put(tool.id(), tool);
                revisions.put(tool.revisionId(), tool);
            }
        }

        @Override
        public boolean replace(Tool revision, String expectedRevisionId) {
            synchronized (lock) {
                open();
                Tool current = currentTools.get(revision.id());
                if (current == null || !current.revisionId().equals(expectedRevisionId)) {
                    return false;
                }
                currentTools.put(revision.id(), revision);
                revisions.put(revision.revisionId(), revision);
                return true;
            }
        }

        @Override
        public Optional<Tool> current(String toolId) {
            synchronized (lock) {
                open();
                return Optional.ofNullable(toolId == null ? null : currentTools.get(toolId));
            }
        }

        @Override
        public Optional<Tool> revision(String toolId, String revisionId) {
            synchronized (lock) {
                open();
                Tool t = revisionId == null ? null : revisions.get(revisionId);
                return t != null && t.id().equals(toolId) ? Optional.of(t) : Optional.empty();
            }
        }

        @Override
        public List<Tool> list(String startingAfter, int limit) {
            synchronized (lock) {
                open();
                return first(startingAfter == null ? currentTools : currentTools.tailMap(startingAfter, false), limit);
            }
        }
    };

    private final SecretStore secretStore = new SecretStore() {
        @Override
        public void insert(Secret secret, String value) {
            synchronized (lock) {
                open();
                if (secrets.putIfAbsent(secret.id(), secret) != null) {
                    throw new IllegalStateException("secret id " + secret.id() + " is already stored");
                }
                secretValues.put(secret.id(), value);
            }
        }

        @Override
        public Optional<String> value(String id) {
            synchronized (lock) {
                open();
                return Optional.ofNullable(id == null ? null : secretValues.get(id));
            }
        }

        @Override
        public List<Secret> list(String startingAfter, int limit) {
            synchronized (lock) {
                open();
                return first(startingAfter == null ? secrets : secrets.tailMap(startingAfter, false), limit);
            }
        }
    };

    private final ExecutionStore executionStore = new ExecutionStore() {
        @Override
        public void record(Execution execution) {
            synchronized (lock) {
                open();
                executions.put(execution.id(), execution);
            }
        }

        @Override
        public Optional<Execution> get(String id) {
            synchronized (lock) {
                open();
                return Optional.ofNullable(id == null ? null : executions.get(id));
            }
        }

        @Override
        public List<Execution> list(String startingAfter, int limit, boolean onlyNonZeroExitCodes) {
            synchronized (lock) {
                open();
                List<Execution> out = new ArrayList<>();
                for (Execution e : (startingAfter == null ? executions : executions.tailMap(startingAfter, false))
                        .values()) {
                    if (out.size() >= limit) {
                        break;
                    }
                    if (!onlyNonZeroExitCodes || e.exitCode() != 0) {
                        out.add(e);
                    }
                }
                return out;
            }
        }

        @Override
        public void prune(int maxCount, Instant startedBefore) {
            synchronized (lock) {
                open();
                while (executions.size() > maxCount) {
                    executions.pollFirstEntry();
                }
                if (startedBefore != null) {
                    executions.values().removeIf(e -> e.startedAt().isBefore(startedBefore));
                }
            }
        }
    };

    private final RequestLedger requestLedger = new RequestLedger() {
        @Override
        public void started(String executionId, String apiKeyId, String requestHash, Instant at) {
            synchronized (lock) {
                open();
                ledger.add(new LedgerEntry(executionId, apiKeyId, requestHash, at));
            }
        }

        @Override
        public Optional<String> find(String apiKeyId, String requestHash, Instant since) {
            synchronized (lock) {
                open();
                LedgerEntry newest = null;
                for (LedgerEntry e : ledger) {
                    if (java.util.Objects.equals(e.apiKeyId(), apiKeyId) && e.requestHash().equals(requestHash)
                            && !e.at().isBefore(since) && (newest == null || !e.at().isBefore(newest.at()))) {
                        newest = e;
                    }
                }
                return Optional.ofNullable(newest == null ? null : newest.executionId());
            }
        }

        @Override
        public Optional<String> apiKeyId(String executionId) {
            synchronized (lock) {
                open();
                return ledger.stream().filter(e -> e.executionId().equals(executionId)).findFirst()
                        .map(LedgerEntry::apiKeyId);
            }
        }
    };

    private static <T> List<T> first(Map<String, T> sorted, int limit) {
        List<T> out = new ArrayList<>();
        for (T t : sorted.values()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(t);
        }
        return out;
    }

    @Override
    public ToolStore tools() {
        return tools;
    }

    @Override
    public SecretStore secrets() {
        return secretStore;
    }

    @Override
    public ExecutionStore executions() {
        return executionStore;
    }

    @Override
    public RequestLedger ledger() {
        return requestLedger;
    }

    @Override
    public void backup(Path target) {
        throw new UnsupportedOperationException("the in-memory test stores have nothing to back up");
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
    }
}
