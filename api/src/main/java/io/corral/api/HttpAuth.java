package io.corral.api;

/**
 * Credentials added on the host to requests matching a rule: Riza's {@code auth} object. Each part
 * is optional; a secret-backed part names a stored secret ({@code secretId}) instead of carrying
 * the value.
 *
 * <pre>{@code
 * HttpAuth.bearer("T");                                 // Authorization: Bearer T
 * HttpAuth.basic("user", "pw");                         // Authorization: Basic dXNlcjpwdw==
 * HttpAuth.header("X-Api-Key", "k");                    // X-Api-Key: k
 * HttpAuth.query("key", "k");                           // ?key=k appended to the URL
 * }</pre>
 */
public record HttpAuth(Basic basic, Bearer bearer, Header header, Query query) {

    /** No credentials. */
    public static final HttpAuth NONE = new HttpAuth(null, null, null, null);

    /** {@code Authorization: Basic base64(userId:password)}. */
    public record Basic(String userId, String password, String secretId) {
    }

    /** {@code Authorization: Bearer token}. */
    public record Bearer(String token, String secretId) {
    }

    /** A header {@code name: value}. */
    public record Header(String name, String value) {
    }

    /** A query parameter {@code key=value} appended to the URL. */
    public record Query(String key, String value, String secretId) {
    }

    public static HttpAuth bearer(String token) {
        return new HttpAuth(null, new Bearer(token, null), null, null);
    }

    public static HttpAuth basic(String userId, String password) {
        return new HttpAuth(new Basic(userId, password, null), null, null, null);
    }

    public static HttpAuth header(String name, String value) {
        return new HttpAuth(null, null, new Header(name, value), null);
    }

    public static HttpAuth query(String key, String value) {
        return new HttpAuth(null, null, null, new Query(key, value, null));
    }

    public boolean isEmpty() {
        return basic == null && bearer == null && header == null && query == null;
    }
}
