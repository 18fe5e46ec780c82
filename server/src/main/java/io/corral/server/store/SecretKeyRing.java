package io.corral.server.store;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The keys that encrypt stored secrets: one current key that encrypts, and any number of older
 * keys that only decrypt (a rotation adds the new key as current and keeps the old one readable
 * until {@link SqlSecretStore#reencryptWithCurrentKey()} has moved every value over).
 *
 * <pre>{@code
 * SecretKeyRing keys = SecretKeyRing.load(dataDir, System.getenv("CORRAL_SECRET_KEY"), keyFileOption);
 * keys.currentKeyId();   // "3f9a0c1e": safe to log, names the key without revealing it
 * // after a rotation:
 * keys = SecretKeyRing.load(dataDir, null, newKeyFile).withOlderKeyFiles(List.of(oldKeyFile));
 * }</pre>
 *
 * <p>A key is 32 random bytes (AES-256), given as base64 text: in {@value #ENVIRONMENT_VARIABLE},
 * in a key file, or (with neither) in {@code <dataDir>/secret.key}, which is created from
 * {@link SecureRandom} on first start with permissions {@code rw-------}. A key file that group or
 * others can access is refused. A key's id is the first 8 hex digits of its SHA-256: stored next
 * to each ciphertext, so a value names the key it needs.
 *
 * <p>Values are sealed with AES-GCM: a fresh random 12-byte nonce per value, a 128-bit tag, and
 * associated data that binds the ciphertext to what it belongs to (a secret's id), so a
 * ciphertext copied to another row does not decrypt.
 *
 * <p>Without the key, the stored secrets cannot be read: back up the key file (or the environment
 * value) apart from the database backups.
 */
public final class SecretKeyRing {

    /** Where {@code corral serve} reads a base64 key from. */
    public static final String ENVIRONMENT_VARIABLE = "CORRAL_SECRET_KEY";
    /** The key file used when no key is given, inside the data directory. */
    public static final String DEFAULT_KEY_FILE = "secret.key";
    /** A key's length: AES-256. */
    public static final int KEY_BYTES = 32;

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final String HOW_TO_GENERATE = "generate one with: openssl rand -base64 32";
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Key(String id, SecretKeySpec spec, String source) {
        @Override
        public String toString() {
            return id + " (" + source + ")";
        }
    }

    /** A value sealed by {@link #seal}: the key that sealed it, the nonce, the ciphertext with its tag. */
    record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
    }

    /** A sealed value that cannot be opened: its key is missing, or it was altered or moved. */
    static final class UnreadableException extends IllegalStateException {
        UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Key current;
    private final Map<String, Key> keysById;

    private SecretKeyRing(Key current, Map<String, Key> keysById) {
        this.current = current;
        this.keysById = Map.copyOf(keysById);
    }

    /**
     * The key to run with. {@code envBase64} ({@value #ENVIRONMENT_VARIABLE}) and {@code keyFile}
     * ({@code --secret-key-file}) are each nullable, and at most one may be given; with neither,
     * the key is {@code dataDir/secret.key}, created (and {@code dataDir} with it) on first start.
     *
     * @throws IllegalArgumentException when a key is not the base64 of exactly {@value #KEY_BYTES}
     *                                  bytes, when a key file is missing, or when both are given
     * @throws IllegalStateException    when a key file can be read by group or others
     * @throws UncheckedIOException     when a key file cannot be read or created
     */
    public static SecretKeyRing load(Path dataDir, String envBase64, Path keyFile) {
        if (envBase64 != null && keyFile != null) {
            throw new IllegalArgumentException("both " + ENVIRONMENT_VARIABLE + " and a secret key file (" + keyFile
                    + ") are given: give only one, so it is clear which key encrypts new secrets");
        }
        Key key;
        if (envBase64 != null) {
            key = key(decode(envBase64, ENVIRONMENT_VARIABLE), ENVIRONMENT_VARIABLE);
        } else if (keyFile != null) {
            key = readKeyFile(keyFile);
        } else {
            Path dir = DataDirectory.ensure(Objects.requireNonNull(dataDir, "dataDir"));
            Path file = dir.resolve(DEFAULT_KEY_FILE);
            createKeyFileIfMissing(file);
            key = readKeyFile(file);
        }
        return new SecretKeyRing(key, Map.of(key.id(), key));
    }

    /**
     * This ring plus older keys, read from key files (same format and permission rules), used only
     * to decrypt values written before a rotation. A file holding the current key is ignored.
     */
    public SecretKeyRing withOlderKeyFiles(List<Path> keyFiles) {
        Map<String, Key> all = new LinkedHashMap<>(keysById);
        for (Path file : keyFiles) {
            add(all, readKeyFile(file));
        }
        return new SecretKeyRing(current, all);
    }

    /** A ring of raw keys (tests, embedders with their own key storage): the first encrypts. */
    static SecretKeyRing of(byte[] currentKey, byte[]... olderKeys) {
        Key cur = key(checkLength(currentKey.clone(), "the current key"), "given");
        Map<String, Key> all = new LinkedHashMap<>();
        all.put(cur.id(), cur);
        for (byte[] older : olderKeys) {
            add(all, key(checkLength(older.clone(), "an older key"), "given"));
        }
        return new SecretKeyRing(cur, all);
    }

    /** The id of the key that encrypts: 8 hex digits of its SHA-256, safe to log. */
    public String currentKeyId() {
        return current.id();
    }

    /** The ids of every key this ring decrypts with, the current one included. */
    public Set<String> keyIds() {
        return keysById.keySet();
    }

    /** Encrypts {@code plaintext} with the current key and a fresh nonce, bound to {@code associatedData}. */
    Sealed seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, current.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return new Sealed(current.id(), nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts a sealed value.
     *
     * @param what names the value in error messages ("secret 01J...")
     * @throws UnreadableException naming the key id when the key is unknown, or when the value does
     *                             not authenticate (altered, or bound to other associated data)
     */
    byte[] open(Sealed sealed, byte[] associatedData, String what) {
        Key key = keysById.get(sealed.keyId());
        if (key == null) {
            throw new UnreadableException(what + " was encrypted with secret key " + sealed.keyId()
                    + ", which this server does not have (its keys: " + String.join(", ", keysById.keySet())
                    + "); start it with that key, or add the key as an older key file after a rotation", null);
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new UnreadableException(what + " does not decrypt with secret key " + sealed.keyId()
                    + ": the stored value was altered or copied from another row", e);
        } catch (GeneralSecurityException e) {
            throw new UnreadableException(what + " cannot be decrypted with secret key " + sealed.keyId() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        List<String> older = new ArrayList<>(keysById.keySet());
        older.remove(current.id());
        return "SecretKeyRing{current=" + current + (older.isEmpty() ? "" : ", older=" + older) + "}";
    }

    private static void add(Map<String, Key> all, Key key) {
        Key existing = all.get(key.id());
        if (existing == null) {
            all.put(key.id(), key);
        } else if (!MessageDigest.isEqual(existing.spec().getEncoded(), key.spec().getEncoded())) {
            throw new IllegalArgumentException("two different secret keys share the id " + key.id() + " ("
                    + existing.source() + ", " + key.source() + "); generate a new key");
        }
    }

    private static Key key(byte[] bytes, String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            String id = HexFormat.of().formatHex(digest, 0, 4);
            return new Key(id, new SecretKeySpec(bytes, "AES"), source);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] decode(String base64, String source) {
        String text = base64.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(source + " is empty; it must be the base64 encoding of exactly "
                    + KEY_BYTES + " random bytes (" + HOW_TO_GENERATE + ")");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // never echo the value: it may be a mistyped key
            throw new IllegalArgumentException(source + " is not valid base64; it must be the base64 encoding of "
                    + "exactly " + KEY_BYTES + " random bytes (" + HOW_TO_GENERATE + ")");
        }
        return checkLength(bytes, source);
    }

    private static byte[] checkLength(byte[] bytes, String source) {
        if (bytes.length != KEY_BYTES) {
            int got = bytes.length;
            Arrays.fill(bytes, (byte) 0);
            throw new IllegalArgumentException(source + " must be the base64 encoding of exactly " + KEY_BYTES
                    + " bytes, but it decodes to " + got + " bytes (" + HOW_TO_GENERATE + ")");
        }
        return bytes;
    }

    private static Key readKeyFile(Path file) {
        Path abs = file.toAbsolutePath();
        String source = "secret key file " + abs;
        if (!Files.isRegularFile(abs)) {
            throw new IllegalArgumentException(source + " does not exist or is not a file");
        }
        try {
            Set<PosixFilePermission> open = DataDirectory.groupOrOthersAccess(abs);
            if (!open.isEmpty()) {
                throw new IllegalStateException(source + " can be accessed by group or others ("
                        + DataDirectory.describe(abs) + "); restrict it to its owner with: chmod 600 " + abs);
            }
            return key(decode(Files.readString(abs, StandardCharsets.US_ASCII), source), abs.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a new random key to {@code file} unless it exists. The key is written to a private
     * temporary file first and linked into place, so a second server starting at the same moment
     * never reads a half-written key, and never replaces the first one's.
     */
    private static void createKeyFileIfMissing(Path file) {
        if (Files.exists(file)) {
            return;
        }
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        String text = Base64.getEncoder().encodeToString(key) + "\n";
        Arrays.fill(key, (byte) 0);
        Path temp = file.resolveSibling(file.getFileName() + ".new-" + Long.toUnsignedString(RANDOM.nextLong(), 36));
        try {
            DataDirectory.createOwnerOnlyFile(temp);
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                // another process created it first: use theirs
            } catch (UnsupportedOperationException | IOException e) {
                if (!Files.exists(file)) {
                    Files.move(temp, file);
                }
            }
        } catch (FileAlreadyExistsException e) {
            // lost a race to another process; its key is in place
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create secret key file " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray temporary file holds a key nobody uses
            }
        }
    }
}
