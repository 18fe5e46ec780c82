package io.corral.api;

import java.util.List;
import java.util.Objects;

/**
 * Outbound HTTP a run may make: Riza's {@code http} object. No rules (the default) means every
 * request is refused. Credentials in a rule are added on the host by the gateway; the guest never
 * sees them.
 *
 * <pre>{@code
 * HttpPolicy http = HttpPolicy.allow(
 *         HttpAllowRule.of("api.example.com").withAuth(HttpAuth.bearer("T")),
 *         HttpAllowRule.of("*.cdn.example.com"));
 * }</pre>
 *
 * <p>Host patterns: an exact name (case-insensitive, a trailing dot ignored), {@code *} for any
 * host, or {@code *.example.com} for every subdomain of example.com but not example.com itself,
 * each optionally with {@code :port}. When several rules match, the most specific wins: an exact
 * name, then the longest wildcard, then {@code *}.
 *
 * @since 0.1
 */
public final class HttpPolicy {

    /** Refuses everything. */
    public static final HttpPolicy DENY_ALL = new HttpPolicy(List.of());

    private final List<HttpAllowRule> allow;

    private HttpPolicy(List<HttpAllowRule> allow) {
        allow.forEach(r -> Objects.requireNonNull(r, "allow rule"));
        this.allow = List.copyOf(allow);
    }

    public static HttpPolicy allow(HttpAllowRule... rules) {
        return new HttpPolicy(List.of(rules));
    }

    public static HttpPolicy allow(List<HttpAllowRule> rules) {
        return new HttpPolicy(Objects.requireNonNull(rules, "rules"));
    }

    public List<HttpAllowRule> allow() {
        return allow;
    }

    public boolean isDenyAll() {
        return allow.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpPolicy p && allow.equals(p.allow);
    }

    @Override
    public int hashCode() {
        return allow.hashCode();
    }

    @Override
    public String toString() {
        return "HttpPolicy" + allow;
    }
}
