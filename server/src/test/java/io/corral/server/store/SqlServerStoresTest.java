package io.corral.server.store;

import io.corral.api.Execution;
import io.corral.api.Secret;
import io.corral.api.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlServerStoresTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;
    private final byte[] key = Samples.randomKey();

    private SecretKeyRing keys() {
        return SecretKeyRing.of(key);
    }

    @Test
    void everythingSurvivesCloseAndReopen() {
        Path data = dir.resolve("data");
        Tool v1 = Samples.tool("T1", "R1", "inc");
        Tool v2 = v1.toBuilder("R2").description("second").build();
        List<Execution> executions = List.of(Samples.script(Samples.id(1)), Samples.function(Samples.id(2)),
                Samples.tool(Samples.id(3)));
        try (SqlServerStores stores = SqlServerStores.open(data, keys())) {
            stores.tools().insert(v1);
            assertTrue(stores.tools().replace(v2, "R1"));
            stores.secrets().insert(Secret.of("S1", "token"), "value-1");
            executions.forEach(stores.executions()::record);
            stores.ledger().started(Samples.id(1), "K1", "H1", T0);
        }
        try (SqlServerStores stores = SqlServerStores.open(data, keys())) {
            assertEquals(v2, stores.tools().current("T1").orElseThrow());
            assertEquals(v1, stores.tools().revision("T1", "R1").orElseThrow());
            assertEquals("value-1", stores.secrets().value("S1").orElseThrow());
            assertEquals(List.of(Secret.of("S1", "token")), stores.secrets().list(null, 10));
            assertEquals(executions, stores.executions().list(null, 10, false));
            assertEquals(Samples.id(1), stores.ledger().find("K1", "H1", T0).orElseThrow());
        }
    }

    @Test
    void dataDirectoryAndDatabaseFilesAreOwnerOnly() throws Exception {
        Path data = dir.resolve("nested/data");
        try (SqlServerStores stores = SqlServerStores.open(data, keys())) {
            stores.secrets().insert(Secret.of("S1", "a"), "v");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
            for (String name : List.of("corral.db", "corral.db-wal", "corral.db-shm")) {
                Path f = data.resolve(name);
                assertTrue(Files.exists(f), name);
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), name);
            }
        }
    }

    @Test
    void connectionsUseWalForeignKeysAndABusyTimeout() throws Exception {
        try (SqlServerStores stores = SqlServerStores.open(dir, keys())) {
            assertEquals(List.of("wal", "1", String.valueOf(SqlServerStores.BUSY_TIMEOUT_MILLIS)), pragmas(stores));
        }
    }

    private static List<String> pragmas(SqlServerStores stores) throws Exception {
        Database db = databaseOf(stores);
        return db.read("test", c -> {
            List<String> out = new ArrayList<>();
            for (String pragma : List.of("journal_mode", "foreign_keys", "busy_timeout")) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
                    rs.next();
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static Database databaseOf(SqlServerStores stores) throws Exception {
        var field = SqlServerStores.class.getDeclaredField("db");
        field.setAccessible(true);
        return (Database) field.get(stores);
    }

    @Test
    void foreignKeysAreEnforced() throws Exception {
        try (SqlServerStores stores = SqlServerStores.open(dir, keys())) {
            Database db = databaseOf(stores);
            StoreException e = assertThrows(StoreException.class, () -> db.write("orphan revision", c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO tool_revisions (revision_id, tool_id, name, description, code, language, "
                            + "input_schema) VALUES ('R1', 'NO-SUCH-TOOL', 'n', '', 'c', 'python', '{}')");
                }
            }));
            assertTrue(e.getMessage().contains("FOREIGN KEY"), e.getMessage());
        }
    }

    @Test
    void migrationsRunOnceAndRecordTheirVersion() throws Exception {
        SqlServerStores.open(dir, keys()).close();
        SqlServerStores.open(dir, keys()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("corral.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL "
                     + "ORDER BY installed_rank")) {
            for (String version : new String[] {"1", "2"}) {
                assertTrue(rs.next(), "version " + version + " applied");
                assertEquals(version, rs.getString(1));
                assertEquals(1, rs.getInt(2));
            }
            assertFalse(rs.next(), "each applied once");
        }
    }

    @Test
    void databaseMigratedByANewerCorralIsRefused() throws Exception {
        SqlServerStores.open(dir, keys()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("corral.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', "
                    + "'V99__from_the_future.sql', 0, 'test', 0, 1)");
        }
        StoreException e = assertThrows(StoreException.class, () -> SqlServerStores.open(dir, keys()));
        assertTrue(e.getMessage().contains("schema version 99 from a newer Corral"), e.getMessage());
        assertTrue(e.getMessage().contains("up to 2"), e.getMessage());
    }

    @Test
    void twoStoresOnOneDataDirectorySeeEachOthersWrites() {
        try (SqlServerStores a = SqlServerStores.open(dir, keys()); SqlServerStores b = SqlServerStores.open(dir, keys())) {
            Tool v1 = Samples.tool("T1", "R1", "inc");
            a.tools().insert(v1);
            assertEquals(v1, b.tools().current("T1").orElseThrow());
            Tool v2 = v1.toBuilder("R2").description("by b").build();
            assertTrue(b.tools().replace(v2, "R1"));
            assertEquals(v2, a.tools().current("T1").orElseThrow(), "no stale cache in a");
            assertFalse(a.tools().replace(v1.toBuilder("R3").build(), "R1"), "a's compare-and-set sees b's update");

            b.secrets().insert(Secret.of("S1", "n"), "v");
            assertEquals("v", a.secrets().value("S1").orElseThrow());

            a.executions().record(Samples.simple(Samples.id(1), 0, T0));
            assertEquals(1, b.executions().list(null, 10, false).size());
            b.executions().prune(0, null);
            assertTrue(a.executions().get(Samples.id(1)).isEmpty());

            a.ledger().started("E1", "K", "H", T0);
            assertEquals("E1", b.ledger().find("K", "H", T0).orElseThrow());
        }
    }

    @Test
    void concurrentWritersOnTwoStoresAllLand() throws Exception {
        int perWriter = 50;
        try (SqlServerStores a = SqlServerStores.open(dir, keys()); SqlServerStores b = SqlServerStores.open(dir, keys())) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    SqlServerStores target = w % 2 == 0 ? a : b;
                    int writer = w;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perWriter; i++) {
                            target.executions().record(Samples.simple(Samples.id(writer * 1000 + i), i % 3, T0));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(4 * perWriter, a.executions().list(null, 1000, false).size());
        }
    }

    @Test
    void backupWhileAnotherThreadInsertsOpensWithTheSameData() throws Exception {
        Path backup = dir.resolve("backup.db");
        Path data = dir.resolve("data");
        try (SqlServerStores stores = SqlServerStores.open(data, keys())) {
            stores.tools().insert(Samples.tool("T1", "R1", "inc"));
            stores.secrets().insert(Secret.of("S1", "n"), "secret value");
            stores.executions().record(Samples.script(Samples.id(0)));
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger inserted = new AtomicInteger();
            Thread writer = new Thread(() -> {
                for (int i = 1; !stop.get(); i++) {
                    stores.executions().record(Samples.simple(Samples.id(i), 0, T0));
                    inserted.incrementAndGet();
                }
            });
            writer.start();
            try {
                while (inserted.get() < 20) {
                    Thread.sleep(5);
                }
                stores.backup(backup);
                assertTrue(writer.isAlive(), "the writer kept going through the backup");
            } finally {
                stop.set(true);
                writer.join();
            }
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
            assertEquals("ok", integrityCheck(backup));
            int backedUp = openCopy(backup, "restored", restored -> {
                assertEquals(Samples.tool("T1", "R1", "inc"), restored.tools().current("T1").orElseThrow());
                assertEquals("secret value", restored.secrets().value("S1").orElseThrow());
                assertEquals(Samples.script(Samples.id(0)), restored.executions().get(Samples.id(0)).orElseThrow());
                return restored.executions().list(null, 100_000, false).size();
            });
            assertTrue(backedUp >= 21 && backedUp <= inserted.get() + 1,
                    backedUp + " executions in the backup, " + inserted.get() + " inserted");
        }
    }

    @Test
    void backupFromASeparateProcessWhileTheServerWrites() throws Exception {
        Path backup = dir.resolve("from-another-process.db");
        Path data = dir.resolve("data");
        try (SqlServerStores stores = SqlServerStores.open(data, keys())) {
            stores.secrets().insert(Secret.of("S1", "n"), "secret value");
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                for (int i = 1; !stop.get(); i++) {
                    stores.executions().record(Samples.simple(Samples.id(i), 0, T0));
                }
            });
            writer.start();
            Process p;
            try {
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), BackupMain.class.getName(),
                        data.toString(), backup.toString()).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes());
                assertTrue(p.waitFor(60, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue(), output);
            } finally {
                stop.set(true);
                writer.join();
            }
        }
        assertEquals("ok", integrityCheck(backup));
        openCopy(backup, "restored", restored -> {
            assertEquals("secret value", restored.secrets().value("S1").orElseThrow());
            return null;
        });
    }

    @Test
    void backupRefusesAnExistingTargetAndLeavesItAlone() throws Exception {
        Path target = dir.resolve("existing.db");
        Files.writeString(target, "precious");
        try (SqlServerStores stores = SqlServerStores.open(dir.resolve("data"), keys())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stores.backup(target));
            assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains(target.toString()),
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> stores.backup(stores.databaseFile()),
                    "not even the live database");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SqlServerStores.backup(dir.resolve("data"), target));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("precious", Files.readString(target));
    }

    @Test
    void backupIntoAMissingDirectoryIsRefusedNamingIt() {
        try (SqlServerStores stores = SqlServerStores.open(dir.resolve("data"), keys())) {
            Path target = dir.resolve("no/such/dir/b.db");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stores.backup(target));
            assertTrue(e.getMessage().contains(dir.resolve("no/such/dir").toString()), e.getMessage());
        }
    }

    @Test
    void separateBackupOfADirectoryWithoutADatabaseIsRefusedAndCreatesNothing() {
        Path empty = dir.resolve("empty");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SqlServerStores.backup(empty, dir.resolve("b.db")));
        assertTrue(e.getMessage().contains("no Corral database"), e.getMessage());
        assertFalse(Files.exists(empty));
        assertFalse(Files.exists(dir.resolve("b.db")));
    }

    @Test
    void closedStoresRefuseCallsSayingSo() {
        SqlServerStores stores = SqlServerStores.open(dir, keys());
        stores.close();
        stores.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> stores.tools().list(null, 1));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void defaultKeyFileAndDatabaseShareTheDataDirectory() throws Exception {
        Path data = dir.resolve("data");
        try (SqlServerStores stores = SqlServerStores.open(data, SecretKeyRing.load(data, null, null))) {
            stores.secrets().insert(Secret.of("S1", "n"), "v");
        }
        String fileKey = Files.readString(data.resolve(SecretKeyRing.DEFAULT_KEY_FILE)).strip();
        try (SqlServerStores stores = SqlServerStores.open(data, SecretKeyRing.load(data, fileKey, null))) {
            assertEquals("v", stores.secrets().value("S1").orElseThrow(), "the same key given through the environment");
        }
        assertEquals(32, Base64.getDecoder().decode(fileKey).length);
    }

    private interface WithStores<T> {
        T run(SqlServerStores stores) throws Exception;
    }

    private <T> T openCopy(Path backup, String name, WithStores<T> check) throws Exception {
        Path restored = dir.resolve(name);
        Files.createDirectories(restored);
        Files.copy(backup, restored.resolve(SqlServerStores.DATABASE_FILE));
        try (SqlServerStores stores = SqlServerStores.open(restored, keys())) {
            return check.run(stores);
        }
    }

    private static String integrityCheck(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
