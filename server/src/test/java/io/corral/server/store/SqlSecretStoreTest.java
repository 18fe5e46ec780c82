package io.corral.server.store;

import io.corral.api.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlSecretStoreTest {

    private static final String VALUE = "ghp_plaintext-value-1234567890";

    @TempDir
    Path dir;

    private record Row(String id, String name, String keyId, String nonce, String ciphertext) {
    }

    private List<Row> rawRows(SqlServerStores stores) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stores.databaseFile());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name, key_id, nonce, ciphertext FROM secrets ORDER BY id")) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return rows;
    }

    private static void execute(SqlServerStores stores, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stores.databaseFile());
             Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    void valueReadsBackAndListingShowsNamesInIdOrder() {
        try (SqlServerStores stores = SqlServerStores.open(dir, SecretKeyRing.of(Samples.randomKey()))) {
            SqlSecretStore secrets = stores.secrets();
            secrets.insert(Secret.of("S2", "token"), VALUE);
            secrets.insert(Secret.of("S1", "token"), "é 😀 unicode");
            secrets.insert(Secret.of("S3", "empty"), "");
            assertEquals(VALUE, secrets.value("S2").orElseThrow());
            assertEquals("é 😀 unicode", secrets.value("S1").orElseThrow());
            assertEquals("", secrets.value("S3").orElseThrow());
            assertTrue(secrets.value("nope").isEmpty());
            assertTrue(secrets.value(null).isEmpty());
            assertEquals(List.of(Secret.of("S1", "token"), Secret.of("S2", "token"), Secret.of("S3", "empty")),
                    secrets.list(null, 10), "names need not be unique");
        }
    }

    @Test
    void listWalksCursorAscendingUntilAnEmptyPage() {
        try (SqlServerStores stores = SqlServerStores.open(dir, SecretKeyRing.of(Samples.randomKey()))) {
            SqlSecretStore secrets = stores.secrets();
            for (String id : List.of("S3", "S1", "S2")) {
                secrets.insert(Secret.of(id, "n" + id), "v");
            }
            assertEquals(List.of("S1", "S2"), secrets.list(null, 2).stream().map(Secret::id).toList());
            assertEquals(List.of("S3"), secrets.list("S2", 2).stream().map(Secret::id).toList());
            assertEquals(List.of(), secrets.list("S3", 2));
            assertEquals(List.of(), secrets.list("unknown-cursor-after-all", 2));
            assertEquals(List.of(), secrets.list(null, 0));
        }
    }

    @Test
    void insertingAnExistingIdFailsAndKeepsTheFirstValue() {
        try (SqlServerStores stores = SqlServerStores.open(dir, SecretKeyRing.of(Samples.randomKey()))) {
            stores.secrets().insert(Secret.of("S1", "a"), "first");
            assertThrows(IllegalStateException.class, () -> stores.secrets().insert(Secret.of("S1", "b"), "second"));
            assertEquals("first", stores.secrets().value("S1").orElseThrow());
        }
    }

    @Test
    void secretsTableNeverHoldsThePlaintext() throws Exception {
        try (SqlServerStores stores = SqlServerStores.open(dir, SecretKeyRing.of(Samples.randomKey()))) {
            stores.secrets().insert(Secret.of("S1", "github"), VALUE);
            Row row = rawRows(stores).getFirst();
            assertEquals("github", row.name(), "names are in clear");
            for (String column : List.of(row.keyId(), row.nonce(), row.ciphertext())) {
                assertFalse(column.contains(VALUE));
                assertFalse(column.contains(Base64.getEncoder().encodeToString(VALUE.getBytes(StandardCharsets.UTF_8))));
            }
            assertEquals(SecretKeyRing.NONCE_BYTES, Base64.getDecoder().decode(row.nonce()).length);
        }
        // nor does any file of the database, the write-ahead log included
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(VALUE), f + " holds the plaintext");
            }
        }
    }

    @Test
    void twoEncryptionsOfTheSameValueDiffer() throws Exception {
        try (SqlServerStores stores = SqlServerStores.open(dir, SecretKeyRing.of(Samples.randomKey()))) {
            stores.secrets().insert(Secret.of("S1", "a"), VALUE);
            stores.secrets().insert(Secret.of("S2", "a"), VALUE);
            List<Row> rows = rawRows(stores);
            assertNotEquals(rows.get(0).nonce(), rows.get(1).nonce());
            assertNotEquals(rows.get(0).ciphertext(), rows.get(1).ciphertext());
            assertEquals(rows.get(0).keyId(), rows.get(1).keyId());
        }
    }

    @Test
    void keyIdIsStoredBesideTheCiphertext() throws Exception {
        SecretKeyRing keys = SecretKeyRing.of(Samples.randomKey());
        try (SqlServerStores stores = SqlServerStores.open(dir, keys)) {
            stores.secrets().insert(Secret.of("S1", "a"), VALUE);
            assertEquals(keys.currentKeyId(), rawRows(stores).getFirst().keyId());
        }
    }

    @Test
    void readingWithAnotherKeyFailsNamingTheKeyIdThatWroteIt() {
        SecretKeyRing writer = SecretKeyRing.of(Samples.randomKey());
        try (SqlServerStores stores = SqlServerStores.open(dir, writer)) {
            stores.secrets().insert(Secret.of("S1", "a"), VALUE);
        }
        SecretKeyRing other = SecretKeyRing.of(Samples.randomKey());
        try (SqlServerStores stores = SqlServerStores.open(dir, other)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> stores.secrets().value("S1"));
            assertTrue(e.getMessage().contains(writer.currentKeyId()), e.getMessage());
            assertTrue(e.getMessage().contains("S1"), e.getMessage());
            assertFalse(e.getMessage().contains(VALUE));
            assertEquals(List.of(Secret.of("S1", "a")), stores.secrets().list(null, 10), "listing needs no key");
        }
    }

    @Test
    void unknownKeyIdInARowFailsNamingIt() throws Exception {
        try (SqlServerStores stores = SqlServerStores.open(dir, SecretKeyRing.of(Samples.randomKey()))) {
            stores.secrets().insert(Secret.of("S1", "a"), VALUE);
            execute(stores, "UPDATE secrets SET key_id = 'deadbeef'");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> stores.secrets().value("S1"));
            assertTrue(e.getMessage().contains("deadbeef"), e.getMessage());
        }
    }

    @Test
    void ciphertextSwappedBetweenRowsDoesNotDecrypt() throws Exception {
        try (SqlServerStores stores = SqlServerStores.open(dir, SecretKeyRing.of(Samples.randomKey()))) {
            stores.secrets().insert(Secret.of("S1", "mine"), "my value");
            stores.secrets().insert(Secret.of("S2", "theirs"), "their value");
            Row theirs = rawRows(stores).get(1);
            execute(stores, "UPDATE secrets SET nonce = '" + theirs.nonce() + "', ciphertext = '"
                    + theirs.ciphertext() + "' WHERE id = 'S1'");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> stores.secrets().value("S1"));
            assertTrue(e.getMessage().contains("altered or copied"), e.getMessage());
            assertEquals("their value", stores.secrets().value("S2").orElseThrow());
        }
    }

    @Test
    void rotationReadsOldValuesThenReencryptsThemWithTheCurrentKey() throws Exception {
        byte[] oldKey = Samples.randomKey();
        byte[] newKey = Samples.randomKey();
        SecretKeyRing old = SecretKeyRing.of(oldKey);
        try (SqlServerStores stores = SqlServerStores.open(dir, old)) {
            stores.secrets().insert(Secret.of("S1", "a"), "one");
            stores.secrets().insert(Secret.of("S2", "b"), "two");
        }
        SecretKeyRing rotated = SecretKeyRing.of(newKey, oldKey);
        try (SqlServerStores stores = SqlServerStores.open(dir, rotated)) {
            assertEquals("one", stores.secrets().value("S1").orElseThrow());
            stores.secrets().insert(Secret.of("S3", "c"), "three");
            assertEquals(2, stores.secrets().reencryptWithCurrentKey());
            assertEquals(0, stores.secrets().reencryptWithCurrentKey());
            assertTrue(rawRows(stores).stream().allMatch(r -> r.keyId().equals(rotated.currentKeyId())));
        }
        try (SqlServerStores stores = SqlServerStores.open(dir, SecretKeyRing.of(newKey))) {
            assertEquals(List.of("one", "two", "three"),
                    List.of("S1", "S2", "S3").stream().map(id -> stores.secrets().value(id).orElseThrow()).toList(),
                    "the old key is no longer needed");
        }
    }

    @Test
    void valueWithAnUnpairedSurrogateIsRefusedRatherThanStoredAltered() {
        try (SqlServerStores stores = SqlServerStores.open(dir, SecretKeyRing.of(Samples.randomKey()))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> stores.secrets().insert(Secret.of("S1", "a"), "x\uD800"));
            assertTrue(e.getMessage().contains("S1"), e.getMessage());
            assertTrue(stores.secrets().list(null, 10).isEmpty());
        }
    }

    @Test
    void sealedValueIsTheNonceCiphertextAndTag() {
        SecretKeyRing keys = SecretKeyRing.of(Samples.randomKey());
        byte[] plain = "abc".getBytes(StandardCharsets.UTF_8);
        SecretKeyRing.Sealed s = keys.seal(plain, new byte[] {1});
        assertEquals(plain.length + 16, s.ciphertext().length);
        assertArrayEquals(plain, keys.open(s, new byte[] {1}, "test"));
        assertThrows(IllegalStateException.class, () -> keys.open(s, new byte[] {2}, "test"));
    }
}
