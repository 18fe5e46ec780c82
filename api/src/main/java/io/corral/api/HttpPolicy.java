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
 * host, or {@code *.example.com} for every subdomain of example.com but not example.com itself.
 * When several rules match, the most specific wins: an exact name, then the longest wildcard,
 * then {@code *}.
 */
public record HttpPolicy(List<HttpAllowRule> allow) {

    /** Refuses everything. */
    public static final HttpPolicy DENY_ALL = new HttpPolicy(List.of());

    public HttpPolicy {
        allow = allow == null ? List.of() : List.copyOf(allow);
        allow.forEach(r -> Objects.requireNonNull(r, "allow rule"));
    }

    public static HttpPolicy allow(HttpAllowRule... rules) {
        return new HttpPolicy(List.of(rules));
    }

    public boolean isDenyAll() {
        return allow.isEmpty();
    }
}
