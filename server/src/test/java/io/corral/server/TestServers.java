package io.corral.server;

import io.corral.server.store.ServerStores;

import java.util.List;

/**
 * The one place tests get stores and a baseline configuration from: the server's own SQLite
 * database, fresh for each server, under {@code target/test-stores}.
 */
final class TestServers {

    /** The key every test client presents (its id is {@code ApiKeys.idOf(KEY)}). */
    static final String KEY = "corral-test-key-1";
    /** A second accepted key. */
    static final String OTHER_KEY = "corral-test-key-2";

    private TestServers() {
    }

    /** Fresh, empty stores. */
    static ServerStores newStores() {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "test-stores", java.util.UUID.randomUUID().toString())
                .toAbsolutePath();
        return io.corral.server.store.SqlServerStores.open(dir,
                io.corral.server.store.SecretKeyRing.load(dir, null, null));
    }

    /** A server on 127.0.0.1 at a free port, accepting {@link #KEY} and {@link #OTHER_KEY}. */
    static ServerConfig.Builder config() {
        return ServerConfig.newBuilder().host("127.0.0.1").port(0).apiKeys(List.of(KEY, OTHER_KEY));
    }
}
