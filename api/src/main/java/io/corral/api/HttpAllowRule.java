package io.corral.api;

import java.util.Objects;

/**
 * One entry of {@link HttpPolicy#allow()}: a host pattern and the credentials the gateway adds to
 * requests to it.
 *
 * <pre>{@code
 * HttpAllowRule.of("*.example.com").withAuth(HttpAuth.header("X-Api-Key", key));
 * }</pre>
 *
 * @param host {@code api.example.com}, {@code *.example.com} or {@code *}
 * @param auth credentials to inject, or {@link HttpAuth#NONE}
 */
public record HttpAllowRule(String host, HttpAuth auth) {

    public HttpAllowRule {
        Objects.requireNonNull(host, "host");
        auth = auth == null ? HttpAuth.NONE : auth;
    }

    public static HttpAllowRule of(String host) {
        return new HttpAllowRule(host, HttpAuth.NONE);
    }

    public HttpAllowRule withAuth(HttpAuth auth) {
        return new HttpAllowRule(host, auth);
    }
}
