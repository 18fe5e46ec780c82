package io.corral.server.store;

import io.corral.engine.spi.ExecutionStore;
import io.corral.engine.spi.SecretStore;
import io.corral.engine.spi.ToolStore;

import java.nio.file.Path;

/**
 * The server's storage: the engine's three stores plus the request ledger, over one database.
 * {@link SqlServerStores#open(Path, SecretKeyRing)} opens (creating and migrating) the embedded
 * database in the data directory; {@code close()} closes it. Implementations keep no state of
 * their own in memory, so several server processes may share one database.
 *
 * <pre>{@code
 * try (ServerStores stores = SqlServerStores.open(dataDir, SecretKeyRing.load(dataDir, env, keyFile))) {
 *     ExecutionEngine engine = ExecutionEngine.newBuilder().toolStore(stores.tools())
 *             .secretStore(stores.secrets()).executionStore(stores.executions()).build();
 * }
 * }</pre>
 */
public interface ServerStores extends AutoCloseable {

    ToolStore tools();

    SecretStore secrets();

    ExecutionStore executions();

    RequestLedger ledger();

    /**
     * Writes a consistent copy of the database to {@code target} (the server may keep running).
     *
     * @throws IllegalArgumentException when {@code target} already exists (a backup never replaces a file)
     */
    void backup(Path target);

    @Override
    void close();
}
