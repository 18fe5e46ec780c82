package io.corral.api;

import java.util.Objects;

/**
 * Credentials added on the host to requests matching a rule: Riza's {@code auth} object. Each part
 * is optional; a secret-backed part names a stored secret ({@code secretId}) instead of carrying
 * the value. {@link #toString()} never shows a credential.
 *
 * <pre>{@code
 * HttpAuth.bearer("T");                                 // Authorization: Bearer T
 * HttpAuth.basic("user", "pw");                         // Authorization: Basic dXNlcjpwdw==
 * HttpAuth.header("X-Api-Key", "k");                    // X-Api-Key: k
 * HttpAuth.query("key", "k");                           // ?key=k appended to the URL
 * HttpAuth.newBuilder().bearer(Bearer.fromSecret(id)).header(Header.of("X-Org", "7")).build();
 * }</pre>
 *
 * @since 0.1
 */
public final class HttpAuth {

    /** No credentials. */
    public static final HttpAuth NONE = new HttpAuth(null, null, null, null);

    private final Basic basic;
    private final Bearer bearer;
    private final Header header;
    private final Query query;

    private HttpAuth(Basic basic, Bearer bearer, Header header, Query query) {
        this.basic = basic;
        this.bearer = bearer;
        this.header = header;
        this.query = query;
    }

    public static HttpAuth bearer(String token) {
        return newBuilder().bearer(Bearer.of(token)).build();
    }

    public static HttpAuth basic(String userId, String password) {
        return newBuilder().basic(Basic.of(userId, password)).build();
    }

    public static HttpAuth header(String name, String value) {
        return newBuilder().header(Header.of(name, value)).build();
    }

    public static HttpAuth query(String key, String value) {
        return newBuilder().query(Query.of(key, value)).build();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** The basic part, or null. */
    public Basic basic() {
        return basic;
    }

    /** The bearer part, or null. */
    public Bearer bearer() {
        return bearer;
    }

    /** The header part, or null. */
    public Header header() {
        return header;
    }

    /** The query part, or null. */
    public Query query() {
        return query;
    }

    public boolean isEmpty() {
        return basic == null && bearer == null && header == null && query == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpAuth a && Objects.equals(basic, a.basic) && Objects.equals(bearer, a.bearer)
                && Objects.equals(header, a.header) && Objects.equals(query, a.query);
    }

    @Override
    public int hashCode() {
        return Objects.hash(basic, bearer, header, query);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("HttpAuth{");
        String sep = "";
        for (Object part : new Object[] {basic, bearer, header, query}) {
            if (part != null) {
                sb.append(sep).append(part);
                sep = ", ";
            }
        }
        return sb.append('}').toString();
    }

    private static String hidden(String value, String secretId) {
        return secretId != null ? "secret " + secretId : value != null ? "(hidden)" : "none";
    }

    /** Builder for {@link HttpAuth}: any combination of the four parts. */
    public static final class Builder {
        private Basic basic;
        private Bearer bearer;
        private Header header;
        private Query query;

        private Builder() {
        }

        public Builder basic(Basic basic) {
            this.basic = basic;
            return this;
        }

        public Builder bearer(Bearer bearer) {
            this.bearer = bearer;
            return this;
        }

        public Builder header(Header header) {
            this.header = header;
            return this;
        }

        public Builder query(Query query) {
            this.query = query;
            return this;
        }

        public HttpAuth build() {
            return new HttpAuth(basic, bearer, header, query);
        }
    }

    /** {@code Authorization: Basic base64(userId:password)}; the password literal or from a secret. */
    public static final class Basic {
        private final String userId;
        private final String password;
        private final String secretId;

        private Basic(String userId, String password, String secretId) {
            this.userId = userId;
            this.password = password;
            this.secretId = secretId;
        }

        public static Basic of(String userId, String password) {
            return new Basic(userId, password, null);
        }

        /** The password is the value of the stored secret {@code secretId}. */
        public static Basic fromSecret(String userId, String secretId) {
            return new Basic(userId, null, Objects.requireNonNull(secretId, "secretId"));
        }

        /** Riza's wire form: any field may be missing. */
        public static Basic of(String userId, String password, String secretId) {
            return new Basic(userId, password, secretId);
        }

        public String userId() {
            return userId;
        }

        public String password() {
            return password;
        }

        public String secretId() {
            return secretId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Basic b && Objects.equals(userId, b.userId) && Objects.equals(password, b.password)
                    && Objects.equals(secretId, b.secretId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, password, secretId);
        }

        @Override
        public String toString() {
            return "Basic{userId=" + userId + ", password=" + hidden(password, secretId) + "}";
        }
    }

    /** {@code Authorization: Bearer token}; the token literal or from a secret. */
    public static final class Bearer {
        private final String token;
        private final String secretId;

        private Bearer(String token, String secretId) {
            this.token = token;
            this.secretId = secretId;
        }

        public static Bearer of(String token) {
            return new Bearer(token, null);
        }

        /** The token is the value of the stored secret {@code secretId}. */
        public static Bearer fromSecret(String secretId) {
            return new Bearer(null, Objects.requireNonNull(secretId, "secretId"));
        }

        /** Riza's wire form: either field may be missing. */
        public static Bearer of(String token, String secretId) {
            return new Bearer(token, secretId);
        }

        public String token() {
            return token;
        }

        public String secretId() {
            return secretId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bearer b && Objects.equals(token, b.token) && Objects.equals(secretId, b.secretId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(token, secretId);
        }

        @Override
        public String toString() {
            return "Bearer{" + hidden(token, secretId) + "}";
        }
    }

    /** A header {@code name: value}. */
    public static final class Header {
        private final String name;
        private final String value;

        private Header(String name, String value) {
            this.name = name;
            this.value = value;
        }

        public static Header of(String name, String value) {
            return new Header(name, value);
        }

        public String name() {
            return name;
        }

        public String value() {
            return value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Header h && Objects.equals(name, h.name) && Objects.equals(value, h.value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, value);
        }

        @Override
        public String toString() {
            return "Header{" + name + ": " + hidden(value, null) + "}";
        }
    }

    /** A query parameter {@code key=value} appended to the URL; the value literal or from a secret. */
    public static final class Query {
        private final String key;
        private final String value;
        private final String secretId;

        private Query(String key, String value, String secretId) {
            this.key = key;
            this.value = value;
            this.secretId = secretId;
        }

        public static Query of(String key, String value) {
            return new Query(key, value, null);
        }

        /** The value is the value of the stored secret {@code secretId}. */
        public static Query fromSecret(String key, String secretId) {
            return new Query(key, null, Objects.requireNonNull(secretId, "secretId"));
        }

        /** Riza's wire form: any field may be missing. */
        public static Query of(String key, String value, String secretId) {
            return new Query(key, value, secretId);
        }

        public String key() {
            return key;
        }

        public String value() {
            return value;
        }

        public String secretId() {
            return secretId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Query q && Objects.equals(key, q.key) && Objects.equals(value, q.value)
                    && Objects.equals(secretId, q.secretId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(key, value, secretId);
        }

        @Override
        public String toString() {
            return "Query{" + key + "=" + hidden(value, secretId) + "}";
        }
    }
}
