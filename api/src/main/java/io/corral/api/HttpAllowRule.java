package io.corral.api;

import java.util.Objects;

/**
 * One entry of {@link HttpPolicy#allow()}: a host pattern and the credentials the gateway adds to
 * requests to it.
 *
 * <pre>{@code
 * HttpAllowRule.of("*.example.com").withAuth(HttpAuth.header("X-Api-Key", key));
 * HttpAllowRule.of("api.example.com:8443");   // that port only
 * }</pre>
 *
 * @since 0.1
 */
public final class HttpAllowRule {

    private final String host;
    private final HttpAuth auth;

    private HttpAllowRule(String host, HttpAuth auth) {
        this.host = Objects.requireNonNull(host, "host");
        this.auth = auth == null ? HttpAuth.NONE : auth;
    }

    /**
     * A rule for {@code api.example.com}, {@code *.example.com} or {@code *}, optionally with
     * {@code :port}; checked by the engine (see {@code docs/security.md}).
     */
    public static HttpAllowRule of(String host) {
        return new HttpAllowRule(host, HttpAuth.NONE);
    }

    /** This rule with {@code auth} added to every request it allows. */
    public HttpAllowRule withAuth(HttpAuth auth) {
        return new HttpAllowRule(host, auth);
    }

    public String host() {
        return host;
    }

    /** The credentials to inject, or {@link HttpAuth#NONE}. */
    public HttpAuth auth() {
        return auth;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpAllowRule r && host.equals(r.host) && auth.equals(r.auth);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, auth);
    }

    @Override
    public String toString() {
        return "HttpAllowRule{" + host + (auth.isEmpty() ? "" : ", " + auth) + "}";
    }
}
