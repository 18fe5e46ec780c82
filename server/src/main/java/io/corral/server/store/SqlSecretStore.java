package io.corral.server.store;

import io.corral.api.Secret;
import io.corral.engine.spi.SecretStore;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@link SecretStore} in the {@code secrets} table, each value encrypted by the
 * {@link SecretKeyRing}'s current key: AES-256-GCM with a fresh random nonce, the key id stored
 * beside the ciphertext, and the secret's id as associated data (a ciphertext moved to another
 * row does not decrypt). Ids and names are stored in clear; listing never decrypts.
 *
 * <pre>{@code
 * SecretStore secrets = stores.secrets();
 * secrets.insert(Secret.of(id, "github_token"), "ghp_...");
 * secrets.value(id);   // decrypted on each call, never cached
 * }</pre>
 *
 * <p>A value written with a key this server does not have fails to read with a message naming
 * that key's id. After a rotation (a new current key, the old one added with
 * {@link SecretKeyRing#withOlderKeyFiles}), {@link #reencryptWithCurrentKey()} moves every value
 * to the current key, after which the old key can be dropped.
 */
public final class SqlSecretStore implements SecretStore {

    private final Database db;
    private final SecretKeyRing keys;

    SqlSecretStore(Database db, SecretKeyRing keys) {
        this.db = db;
        this.keys = keys;
    }

    /**
     * @throws IllegalStateException    when a secret with this id is already stored
     * @throws IllegalArgumentException when the value is not valid Unicode text (an unpaired surrogate)
     */
    @Override
    public void insert(Secret secret, String value) {
        SecretKeyRing.Sealed sealed = keys.seal(utf8(value, secret.id()), associatedData(secret.id()));
        db.write("storing secret " + secret.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO secrets (id, name, key_id, nonce, ciphertext) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, secret.id());
                ps.setString(2, secret.name());
                bindSealed(ps, 3, sealed);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new IllegalStateException("secret id " + secret.id() + " is already stored", e);
                }
                throw e;
            }
            return null;
        });
    }

    /**
     * @throws IllegalStateException naming the key id when the value was encrypted with a key this
     *                               server does not have, or when the stored value was altered
     */
    @Override
    public Optional<String> value(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Optional<SecretKeyRing.Sealed> sealed = db.read("reading secret " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key_id, nonce, ciphertext FROM secrets WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(sealed(rs)) : Optional.empty();
                }
            }
        });
        return sealed.map(s -> new String(keys.open(s, associatedData(id), "secret " + id), StandardCharsets.UTF_8));
    }

    @Override
    public List<Secret> list(String startingAfter, int limit) {
        if (limit <= 0) {
            return new ArrayList<>();
        }
        return db.read("listing secrets", c -> {
            String sql = "SELECT id, name FROM secrets" + (startingAfter == null ? "" : " WHERE id > ?")
                    + " ORDER BY id LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (startingAfter != null) {
                    ps.setString(i++, startingAfter);
                }
                ps.setInt(i, limit);
                List<Secret> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Secret.of(rs.getString(1), rs.getString(2)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Re-encrypts every value stored under an older key with the current key, in one transaction.
     * Returns how many values moved.
     *
     * @throws IllegalStateException naming the key id when a value's key is not in the ring (nothing changes then)
     */
    public int reencryptWithCurrentKey() {
        return db.write("re-encrypting secrets", c -> {
            List<String> ids = new ArrayList<>();
            List<SecretKeyRing.Sealed> old = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, key_id, nonce, ciphertext FROM secrets WHERE key_id <> ? ORDER BY id")) {
                ps.setString(1, keys.currentKeyId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                        old.add(new SecretKeyRing.Sealed(rs.getString(2), decode(rs.getString(3)), decode(rs.getString(4))));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE secrets SET key_id = ?, nonce = ?, ciphertext = ? WHERE id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    String id = ids.get(i);
                    byte[] aad = associatedData(id);
                    bindSealed(ps, 1, keys.seal(keys.open(old.get(i), aad, "secret " + id), aad));
                    ps.setString(4, id);
                    ps.executeUpdate();
                }
            }
            return ids.size();
        });
    }

    /** Binds a ciphertext to the secret it belongs to. */
    private static byte[] associatedData(String secretId) {
        return ("corral/secret/" + secretId).getBytes(StandardCharsets.UTF_8);
    }

    private static void bindSealed(PreparedStatement ps, int first, SecretKeyRing.Sealed s) throws SQLException {
        ps.setString(first, s.keyId());
        ps.setString(first + 1, Base64.getEncoder().encodeToString(s.nonce()));
        ps.setString(first + 2, Base64.getEncoder().encodeToString(s.ciphertext()));
    }

    private static SecretKeyRing.Sealed sealed(ResultSet rs) throws SQLException {
        return new SecretKeyRing.Sealed(rs.getString(1), decode(rs.getString(2)), decode(rs.getString(3)));
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    /** UTF-8 that refuses what it cannot encode, instead of silently storing '?' in its place. */
    private static byte[] utf8(String value, String secretId) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(value));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the value of secret " + secretId
                    + " is not valid Unicode text (it holds an unpaired surrogate)", e);
        }
    }
}
