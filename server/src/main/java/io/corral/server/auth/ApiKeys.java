package io.corral.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys a server accepts, kept only as SHA-256 hashes. A caller presents a key as
 * {@code Authorization: Bearer <key>}; {@link #authenticate} hashes it and compares it with every
 * stored hash in constant time ({@link MessageDigest#isEqual}), so neither the keys nor which one
 * matched leak through timing or a heap dump.
 *
 * <pre>{@code
 * ApiKeys keys = ApiKeys.of(List.of("k-live-1", "k-live-2"));        // or ApiKeys.parse(System.getenv("CORRAL_API_KEYS"))
 * keys.authenticate("Bearer k-live-1");   // Optional[key_1f0c9e2d4b7a]
 * keys.authenticate("Bearer nope");       // Optional.empty
 * }</pre>
 *
 * <p>Each key has an id that is not the key: {@code key_} and the first 12 hex digits of its hash.
 * The id is what logs, metrics and the request ledger record. <b>All keys share one namespace</b>:
 * every key sees and may run every tool, secret and execution; keys are for rotation and for
 * telling callers apart in logs, not for separating tenants (run one server per tenant for that).
 *
 * @since 0.1
 */
public final class ApiKeys {

    /** The prefix of every key id. */
    public static final String ID_PREFIX = "key_";

    private static final int ID_HEX_DIGITS = 12;
    private static final String BEARER = "Bearer ";

    private final List<byte[]> hashes;
    private final List<String> ids;

    private ApiKeys(List<byte[]> hashes) {
        this.hashes = List.copyOf(hashes);
        List<String> idList = new ArrayList<>();
        for (byte[] h : hashes) {
            idList.add(idOf(h));
        }
        this.ids = List.copyOf(idList);
    }

    /**
     * The given raw keys (surrounding white space stripped; duplicates kept once).
     *
     * @throws IllegalArgumentException when the list is empty, or a key is blank or holds white
     *                                  space or control characters (naming its position, never the key)
     */
    public static ApiKeys of(List<String> rawKeys) {
        Objects.requireNonNull(rawKeys, "rawKeys");
        if (rawKeys.isEmpty()) {
            throw new IllegalArgumentException("apiKeys: no keys given; allowed: one or more non-blank keys");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < rawKeys.size(); i++) {
            String key = rawKeys.get(i) == null ? "" : rawKeys.get(i).strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("apiKeys[" + i + "]: is blank; allowed: a non-blank key");
            }
            if (key.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new IllegalArgumentException("apiKeys[" + i + "]: holds white space or control characters; "
                        + "allowed: printable characters without spaces (keys travel in an HTTP header)");
            }
            if (seen.add(key)) {
                hashes.add(sha256(key));
            }
        }
        return new ApiKeys(hashes);
    }

    /** Keys separated by commas, as in {@code CORRAL_API_KEYS=key1,key2}; empty entries are skipped. */
    public static ApiKeys parse(String commaSeparated) {
        Objects.requireNonNull(commaSeparated, "commaSeparated");
        List<String> keys = new ArrayList<>();
        for (String k : commaSeparated.split(",")) {
            if (!k.isBlank()) {
                keys.add(k);
            }
        }
        return of(keys);
    }

    /** Keys from a file, one a line; blank lines and lines starting with {@code #} are skipped. */
    public static ApiKeys readFile(Path file) {
        Objects.requireNonNull(file, "file");
        List<String> keys = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String k = line.strip();
                if (!k.isEmpty() && !k.startsWith("#")) {
                    keys.add(k);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the API keys file " + file + ": " + e.getMessage(), e);
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the API keys file " + file + " holds no keys; allowed: one key a line");
        }
        return of(keys);
    }

    /**
     * The id of the key in an {@code Authorization} header value ({@code Bearer <key>}), if it is one
     * of these keys. Every stored hash is compared, whatever matched first.
     */
    public Optional<String> authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.length() <= BEARER.length()
                || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        byte[] presented = sha256(authorizationHeader.substring(BEARER.length()).strip());
        int match = -1;
        for (int i = 0; i < hashes.size(); i++) {
            if (MessageDigest.isEqual(hashes.get(i), presented) && match < 0) {
                match = i;
            }
        }
        return match < 0 ? Optional.empty() : Optional.of(ids.get(match));
    }

    /** These keys and {@code other}'s (a key in both counted once), e.g. an environment's and a file's. */
    public ApiKeys and(ApiKeys other) {
        List<byte[]> all = new ArrayList<>(hashes);
        for (byte[] h : other.hashes) {
            if (all.stream().noneMatch(mine -> java.util.Arrays.equals(mine, h))) {
                all.add(h);
            }
        }
        return new ApiKeys(all);
    }

    /** The ids of the keys, in the order given. */
    public List<String> ids() {
        return ids;
    }

    public int size() {
        return hashes.size();
    }

    /** The id a key has: {@code key_} and the first 12 hex digits of its SHA-256. */
    public static String idOf(String rawKey) {
        return idOf(sha256(Objects.requireNonNull(rawKey, "rawKey").strip()));
    }

    private static String idOf(byte[] hash) {
        return ID_PREFIX + HexFormat.of().formatHex(hash).substring(0, ID_HEX_DIGITS);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeys" + ids;
    }
}
