package io.corral.server.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretKeyRingTest {

    @TempDir
    Path dir;

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }

    private Path keyFile(String name, byte[] key, String permissions) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, base64(key) + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(permissions));
        return f;
    }

    @Test
    void keyFileIsCreatedOwnerOnlyOnFirstStartAndReusedAfter() throws Exception {
        Path data = dir.resolve("data");
        SecretKeyRing first = SecretKeyRing.load(data, null, null);
        Path file = data.resolve(SecretKeyRing.DEFAULT_KEY_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        assertEquals(SecretKeyRing.KEY_BYTES, Base64.getDecoder().decode(Files.readString(file).strip()).length);
        assertEquals(first.currentKeyId(), SecretKeyRing.load(data, null, null).currentKeyId());
        try (var files = Files.list(data)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void groupReadableKeyFileIsRefusedWithTheFix() throws Exception {
        SecretKeyRing.load(dir, null, null);
        Path file = dir.resolve(SecretKeyRing.DEFAULT_KEY_FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SecretKeyRing.load(dir, null, null));
        assertTrue(e.getMessage().contains("chmod 600 " + file), e.getMessage());
    }

    @Test
    void worldReadableKeyFileOptionIsRefusedToo() throws Exception {
        Path file = keyFile("given.key", Samples.randomKey(), "rw-r--r--");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SecretKeyRing.load(dir, null, file));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void envKeyOfTheWrongLengthIsRefusedNamingTheVariable() {
        String sixteen = base64(new byte[16]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SecretKeyRing.load(dir, sixteen, null));
        assertTrue(e.getMessage().contains("CORRAL_SECRET_KEY"), e.getMessage());
        assertTrue(e.getMessage().contains("exactly 32 bytes") && e.getMessage().contains("16 bytes"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(SecretKeyRing.DEFAULT_KEY_FILE)), "no key file made on the side");
    }

    @Test
    void envKeyThatIsNotBase64IsRefusedWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SecretKeyRing.load(dir, "not*base64*secret", null));
        assertTrue(e.getMessage().contains("CORRAL_SECRET_KEY is not valid base64"), e.getMessage());
        assertFalse(e.getMessage().contains("not*base64*secret"));
    }

    @Test
    void emptyEnvKeyIsRefusedRatherThanIgnored() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecretKeyRing.load(dir, " ", null));
        assertTrue(e.getMessage().contains("CORRAL_SECRET_KEY is empty"), e.getMessage());
    }

    @Test
    void keyFileOfTheWrongLengthIsRefusedNamingTheFile() throws Exception {
        Path file = keyFile("short.key", new byte[31], "rw-------");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SecretKeyRing.load(dir, null, file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("31 bytes"), e.getMessage());
    }

    @Test
    void missingKeyFileOptionIsRefusedRatherThanCreated() {
        Path file = dir.resolve("missing.key");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SecretKeyRing.load(dir, null, file));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void envAndKeyFileTogetherAreRefused() throws Exception {
        byte[] key = Samples.randomKey();
        Path file = keyFile("k.key", key, "rw-------");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SecretKeyRing.load(dir, base64(key), file));
        assertTrue(e.getMessage().contains("give only one"), e.getMessage());
    }

    @Test
    void envKeyAndKeyFileWithTheSameKeyHaveTheSameStableId() throws Exception {
        byte[] key = Samples.randomKey();
        SecretKeyRing fromEnv = SecretKeyRing.load(dir, base64(key), null);
        SecretKeyRing fromFile = SecretKeyRing.load(dir, null, keyFile("k.key", key, "rw-------"));
        assertEquals(fromEnv.currentKeyId(), fromFile.currentKeyId());
        String expected = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        assertEquals(expected, fromEnv.currentKeyId());
        assertNotEquals(fromEnv.currentKeyId(), SecretKeyRing.of(Samples.randomKey()).currentKeyId());
    }

    @Test
    void olderKeyFilesDecryptButNeverEncrypt() throws Exception {
        byte[] oldKey = Samples.randomKey();
        byte[] newKey = Samples.randomKey();
        SecretKeyRing old = SecretKeyRing.of(oldKey);
        SecretKeyRing.Sealed sealedBefore = old.seal("v".getBytes(StandardCharsets.UTF_8), new byte[0]);
        SecretKeyRing ring = SecretKeyRing.load(dir, base64(newKey), null)
                .withOlderKeyFiles(List.of(keyFile("old.key", oldKey, "rw-------")));
        assertEquals(Set.of(old.currentKeyId(), ring.currentKeyId()), ring.keyIds());
        assertEquals("v", new String(ring.open(sealedBefore, new byte[0], "test"), StandardCharsets.UTF_8));
        assertEquals(ring.currentKeyId(), ring.seal(new byte[1], new byte[0]).keyId());
        assertNotEquals(old.currentKeyId(), ring.currentKeyId());
    }

    @Test
    void toStringNamesKeyIdsButNeverKeys() {
        byte[] key = Samples.randomKey();
        SecretKeyRing ring = SecretKeyRing.load(dir, base64(key), null);
        assertTrue(ring.toString().contains(ring.currentKeyId()));
        assertFalse(ring.toString().contains(base64(key)));
    }
}
