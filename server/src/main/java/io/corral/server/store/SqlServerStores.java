package io.corral.server.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The server's storage in one SQLite file, {@code <dataDir>/corral.db}: tools, secrets
 * (encrypted with a {@link SecretKeyRing}), executions and the request ledger.
 *
 * <pre>{@code
 * SecretKeyRing keys = SecretKeyRing.load(dataDir, System.getenv(SecretKeyRing.ENVIRONMENT_VARIABLE), null);
 * try (SqlServerStores stores = SqlServerStores.open(dataDir, keys)) {
 *     ExecutionEngine engine = ExecutionEngine.newBuilder()
 *             .toolStore(stores.tools()).secretStore(stores.secrets()).executionStore(stores.executions())
 *             .build();
 *     ...
 *     stores.backup(Path.of("/backups/corral-2025-06-01.db"));   // while serving
 * }
 * // from another process, while the server runs:
 * SqlServerStores.backup(dataDir, Path.of("/backups/corral-2025-06-02.db"));
 * }</pre>
 *
 * <p>{@link #open} creates the data directory (owner-only) and the database file (owner-only)
 * when missing, and applies the schema migrations in {@code db/migration} (Flyway, versioned
 * {@code V1__...sql} files), refusing a database that a newer Corral migrated further. Connections
 * use write-ahead logging (readers never block the writer), a busy timeout of
 * {@value #BUSY_TIMEOUT_MILLIS} ms (a writer waits for another process's writer instead of failing),
 * and enforced foreign keys. Nothing is cached in memory: several server processes may share the
 * data directory, and each sees the others' writes at once.
 */
public final class SqlServerStores implements ServerStores {

    /** The database file inside the data directory. */
    public static final String DATABASE_FILE = "corral.db";
    /** How long a statement waits for another connection's (or process's) write lock. */
    public static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private static final String MIGRATION_LOCK_FILE = "migrations.lock";
    private static final int MAX_CONNECTIONS = 8;
    /** File locks are per process: threads of one JVM migrating at once are kept apart here. */
    private static final Object MIGRATING = new Object();
    private static final System.Logger LOG = System.getLogger(SqlServerStores.class.getName());

    private final Path databaseFile;
    private final Database db;
    private final SqlToolStore tools;
    private final SqlSecretStore secrets;
    private final SqlExecutionStore executions;
    private final SqlRequestLedger ledger;

    private SqlServerStores(Path databaseFile, Database db, SecretKeyRing keys) {
        this.databaseFile = databaseFile;
        this.db = db;
        this.tools = new SqlToolStore(db);
        this.secrets = new SqlSecretStore(db, keys);
        this.executions = new SqlExecutionStore(db, ExecutionCodec.sealingCredentials(keys));
        this.ledger = new SqlRequestLedger(db);
    }

    /**
     * Opens (creating and migrating when needed) the database in {@code dataDir}.
     *
     * @throws StoreException        when the database cannot be opened or migrated (its message says why)
     * @throws UncheckedIOException  when the data directory or the database file cannot be created
     */
    public static SqlServerStores open(Path dataDir, SecretKeyRing keys) {
        java.util.Objects.requireNonNull(keys, "keys");
        Path dir = DataDirectory.ensure(dataDir);
        Path file = dir.resolve(DATABASE_FILE);
        try {
            // SQLite gives its -wal and -shm files the database file's permissions
            DataDirectory.createOwnerOnlyFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create database " + file + ": " + e.getMessage(), e);
        }
        SQLiteDataSource dataSource = dataSource(file, true);
        migrate(dir, file, dataSource);
        Database db = new Database(dataSource, "database " + file, MAX_CONNECTIONS);
        try {
            String journal = db.read("checking the journal mode", c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                    return rs.next() ? rs.getString(1) : "?";
                }
            });
            if (!"wal".equalsIgnoreCase(journal)) {
                LOG.log(System.Logger.Level.WARNING, "database {0} runs in journal mode {1}, not WAL (its file "
                        + "system may not support shared memory): readers and the writer will wait for each other",
                        file, journal);
            }
            return new SqlServerStores(file, db, keys);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Writes a consistent copy of the database in {@code dataDir} to {@code target}, from any
     * process, while a server keeps using the database. The copy holds secrets encrypted: keep
     * the key (the key file, or {@value SecretKeyRing#ENVIRONMENT_VARIABLE}) with it, apart.
     *
     * @throws IllegalArgumentException when there is no Corral database in {@code dataDir}, or
     *                                  when {@code target} exists or its directory does not
     */
    public static void backup(Path dataDir, Path target) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(DATABASE_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("there is no Corral database at " + file
                    + " (is the data directory right?)");
        }
        try (Connection c = dataSource(file, false).getConnection()) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
                rs.next();
            } catch (SQLException e) {
                throw new IllegalArgumentException(file + " is not a Corral database (it has no schema history)", e);
            }
            vacuumInto(c, target, file);
        } catch (SQLException e) {
            throw new StoreException("backing up " + file + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Uses SQLite's {@code VACUUM INTO}: a compacted, consistent snapshot, taken in one read
     * transaction while writers go on. The target is created owner-only; an existing one is refused.
     *
     * @throws IllegalArgumentException when {@code target} exists or its directory does not
     */
    @Override
    public void backup(Path target) {
        db.read("backing up to " + target, c -> {
            vacuumInto(c, target, databaseFile);
            return null;
        });
    }

    /** The database file. */
    public Path databaseFile() {
        return databaseFile;
    }

    @Override
    public SqlToolStore tools() {
        return tools;
    }

    @Override
    public SqlSecretStore secrets() {
        return secrets;
    }

    @Override
    public SqlExecutionStore executions() {
        return executions;
    }

    @Override
    public SqlRequestLedger ledger() {
        return ledger;
    }

    /** Closes the connections; calls still running finish first. Closing twice does nothing. */
    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "SqlServerStores{" + databaseFile + "}";
    }

    private static SQLiteDataSource dataSource(Path file, boolean create) {
        SQLiteConfig config = new SQLiteConfig();
        if (create) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        } else {
            // a backup process must never create a database where there was none
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        return ds;
    }

    /**
     * Applies pending migrations, one process at a time (a lock file in the data directory), so
     * two servers starting together do not both create the schema.
     */
    private static void migrate(Path dir, Path file, SQLiteDataSource dataSource) {
        Flyway flyway = Flyway.configure(SqlServerStores.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                // a database migrated by a newer Corral is refused, not written by code that predates it
                .ignoreMigrationPatterns(new String[0])
                .load();
        synchronized (MIGRATING) {
            try (FileChannel lockFile = FileChannel.open(dir.resolve(MIGRATION_LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                refuseNewerSchema(flyway, file);
                flyway.migrate();
            } catch (FlywayException e) {
                throw new StoreException("cannot migrate database " + file + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + dir.resolve(MIGRATION_LOCK_FILE) + ": " + e.getMessage(), e);
            }
        }
    }

    /** Flyway's own message for this case suggests "repair", which would be wrong here. */
    private static void refuseNewerSchema(Flyway flyway, Path file) {
        MigrationInfo[] all = flyway.info().all();
        List<String> future = Arrays.stream(all)
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .map(m -> String.valueOf(m.getVersion())).toList();
        if (!future.isEmpty()) {
            String known = Arrays.stream(all).filter(m -> !future.contains(String.valueOf(m.getVersion())))
                    .map(MigrationInfo::getVersion).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder())
                    .map(String::valueOf).orElse("none");
            throw new StoreException("database " + file + " has schema version " + String.join(", ", future)
                    + " from a newer Corral; this version knows schema versions up to " + known
                    + ": run the newer Corral, or restore a backup taken before the upgrade", null);
        }
    }

    private static void vacuumInto(Connection c, Path target, Path source) throws SQLException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw exists(abs);
        }
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("cannot back up to " + abs + ": directory " + parent + " does not exist");
        }
        try {
            if (!DataDirectory.createOwnerOnlyFile(abs)) {
                throw exists(abs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create backup " + abs + ": " + e.getMessage(), e);
        }
        boolean done = false;
        try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, abs.toString());
            ps.execute();
            done = true;
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(abs);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not remove the incomplete backup {0}: {1}", abs,
                            e.getMessage());
                }
            }
        }
        LOG.log(System.Logger.Level.INFO, "backed up {0} to {1}", source, abs);
    }

    private static IllegalArgumentException exists(Path target) {
        return new IllegalArgumentException("backup target " + target + " already exists; a backup never replaces "
                + "a file: choose a new name, or remove the old file first");
    }
}
