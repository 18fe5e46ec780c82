package io.corral.server.store;

import io.corral.engine.spi.ExecutionStore;
import io.corral.engine.spi.SecretStore;
import io.corral.engine.spi.ToolStore;

import java.nio.file.Path;

/**
 * The server's storage: the engine's three stores plus the request ledger, over one database.
 * {@code open(dataDir, secretKey)} opens (creating and migrating) the embedded database in the
 * data directory; {@code close()} closes it.
 */
public interface ServerStores extends AutoCloseable {

    ToolStore tools();

    SecretStore secrets();

    ExecutionStore executions();

    RequestLedger ledger();

    /** Writes a consistent copy of the database to {@code target} (the server may keep running). */
    void backup(Path target);

    @Override
    void close();
}
