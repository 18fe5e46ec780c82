package io.corral.engine.egress;

import io.corral.api.HttpAllowRule;
import io.corral.api.HttpPolicy;
import io.corral.api.RequestRejectedException;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request's {@code http.allow} rules, checked and normalized once. Matching never resolves a
 * name: a host no rule names is refused before any DNS look-up.
 *
 * <p>A rule's host is {@code api.example.com}, {@code *.example.com} or {@code *}, optionally with
 * a port ({@code api.example.com:8443}, {@code [2001:db8::1]:8080}, {@code 127.0.0.1:9000}). A rule
 * that names a port matches requests to that port only; a rule without one matches every port (see
 * {@link Match#credentialsAllowedOn} for where its credentials go). When several rules match, the
 * most specific wins: an exact name, then the longest {@code *.suffix} wildcard, then {@code *}; at
 * each of those levels a rule naming the request's port comes before one without a port.
 */
public final class HostRules {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final String ALLOWED = "an exact host, '*.example.com' or '*', optionally with ':port' (1-65535)";

    /** No port in the rule: it matches every port. */
    static final int ANY_PORT = -1;

    private record Compiled(String pattern, int port, HttpAllowRule rule) {
        boolean portMatches(int requestPort) {
            return port == ANY_PORT || port == requestPort;
        }
    }

    /**
     * The rule that applies to a request, and the port it was chosen for.
     *
     * @param rule      the matching rule (its credentials)
     * @param namesPort whether the rule names the request's port explicitly
     */
    public record Match(HttpAllowRule rule, boolean namesPort) {

        /**
         * Where this rule's credentials may be sent: to the port the rule names; for a rule
         * without a port, to the standard ports 80 and 443, or to any port of an internal
         * (loopback or private) address the engine was explicitly allowed to reach.
         */
        public boolean credentialsAllowedOn(int port, boolean allowedInternalAddress) {
            return namesPort || port == 80 || port == 443 || allowedInternalAddress;
        }
    }

    private final List<Compiled> exact = new ArrayList<>();
    private final List<Compiled> wildcards = new ArrayList<>(); // "*.suffix": pattern holds ".suffix"
    private final List<Compiled> any = new ArrayList<>();

    private HostRules() {
    }

    /** Checks every rule's host pattern; a bad one is rejected naming {@code http.allow[i].host}. */
    public static HostRules compile(HttpPolicy policy) {
        HostRules rules = new HostRules();
        for (int i = 0; i < policy.allow().size(); i++) {
            HttpAllowRule r = policy.allow().get(i);
            String field = "http.allow[" + i + "].host";
            String text = r.host().trim();
            int port = ANY_PORT;
            String host = text;
            int colon = text.lastIndexOf(':');
            boolean bracketed = text.startsWith("[");
            if (colon > 0 && (bracketed ? text.lastIndexOf(']') == colon - 1 : text.indexOf(':') == colon)) {
                port = port(text.substring(colon + 1), text, field);
                host = text.substring(0, colon);
            }
            if (host.equals("*")) {
                rules.any.add(new Compiled("*", port, r));
            } else if (host.startsWith("*.")) {
                String suffix = normalizeName(host.substring(2), field);
                rules.wildcards.add(new Compiled("." + suffix, port, r));
            } else {
                if (host.contains("*")) {
                    throw RequestRejectedException.invalid(field, "'" + text + "' has a '*' in the middle", ALLOWED);
                }
                rules.exact.add(new Compiled(normalizeHost(host, field), port, r));
            }
        }
        // longest suffix first, so the first wildcard that matches is the most specific
        rules.wildcards.sort((a, b) -> Integer.compare(b.pattern.length(), a.pattern.length()));
        return rules;
    }

    private static int port(String digits, String rule, String field) {
        if (!PORT.matcher(digits).matches() || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
            throw RequestRejectedException.invalid(field, "'" + rule + "' has an invalid port '" + digits + "'",
                    ALLOWED);
        }
        return Integer.parseInt(digits);
    }

    /** The rule for a normalized host (see {@link #normalizeHost}) and port, most specific first. */
    public Optional<Match> match(String normalizedHost, int port) {
        Optional<Match> m = best(exact.stream().filter(c -> c.pattern.equals(normalizedHost)).toList(), port);
        if (m.isPresent()) {
            return m;
        }
        if (IpLiterals.parse(normalizedHost).isEmpty()) {
            for (Compiled c : wildcards) {
                if (normalizedHost.endsWith(c.pattern) && normalizedHost.length() > c.pattern.length()) {
                    // every wildcard of this length is equally specific: the port decides among them
                    int length = c.pattern.length();
                    m = best(wildcards.stream().filter(w -> w.pattern.length() == length
                            && normalizedHost.endsWith(w.pattern)).toList(), port);
                    if (m.isPresent()) {
                        return m;
                    }
                }
            }
        }
        return best(any, port);
    }

    private static Optional<Match> best(List<Compiled> candidates, int port) {
        for (Compiled c : candidates) {
            if (c.port == port) {
                return Optional.of(new Match(c.rule, true));
            }
        }
        for (Compiled c : candidates) {
            if (c.portMatches(port)) {
                return Optional.of(new Match(c.rule, false));
            }
        }
        return Optional.empty();
    }

    /** Whether some rule names this host, whatever its port (for a refusal that says why). */
    public boolean namesHost(String normalizedHost) {
        boolean literal = IpLiterals.parse(normalizedHost).isPresent();
        return exact.stream().anyMatch(c -> c.pattern.equals(normalizedHost))
                || !literal && wildcards.stream().anyMatch(c -> normalizedHost.endsWith(c.pattern)
                        && normalizedHost.length() > c.pattern.length())
                || !any.isEmpty();
    }

    public boolean isEmpty() {
        return exact.isEmpty() && wildcards.isEmpty() && any.isEmpty();
    }

    /**
     * Lower-case, no trailing dot, internationalized names in their ASCII (punycode) form, and IP
     * literals in canonical form ({@code 2130706433} and {@code 0x7f.1} both become
     * {@code 127.0.0.1}), so that one host has exactly one spelling. A name that is not a valid
     * host is rejected naming {@code field}.
     */
    public static String normalizeHost(String host, String field) {
        String h = host.trim();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        Optional<java.net.InetAddress> ip = IpLiterals.parse(h);
        if (ip.isPresent()) {
            return IpLiterals.canonical(ip.get());
        }
        return normalizeName(h, field);
    }

    private static String normalizeName(String name, String field) {
        String h = name.trim();
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(h, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw RequestRejectedException.invalid(field, "'" + name + "' is not a valid host name", "a DNS name");
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            throw RequestRejectedException.invalid(field, "'" + name + "' is not a valid host name", "a DNS name");
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw RequestRejectedException.invalid(field, "'" + name + "' is not a valid host name",
                        "a DNS name");
            }
        }
        return ascii;
    }
}
