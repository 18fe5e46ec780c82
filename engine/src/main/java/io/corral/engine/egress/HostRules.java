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
 * <p>When several rules match, the most specific wins: an exact name, then the longest
 * {@code *.suffix} wildcard, then {@code *}.
 */
public final class HostRules {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

    private record Compiled(String pattern, HttpAllowRule rule) {
    }

    private final List<Compiled> exact = new ArrayList<>();
    private final List<Compiled> wildcards = new ArrayList<>(); // "*.suffix": pattern holds ".suffix"
    private Compiled any;

    private HostRules() {
    }

    /** Checks every rule's host pattern; a bad one is rejected naming {@code http.allow[i].host}. */
    public static HostRules compile(HttpPolicy policy) {
        HostRules rules = new HostRules();
        for (int i = 0; i < policy.allow().size(); i++) {
            HttpAllowRule r = policy.allow().get(i);
            String field = "http.allow[" + i + "].host";
            String host = r.host().trim();
            if (host.equals("*")) {
                rules.any = rules.any == null ? new Compiled("*", r) : rules.any;
            } else if (host.startsWith("*.")) {
                String suffix = normalizeName(host.substring(2), field);
                rules.wildcards.add(new Compiled("." + suffix, r));
            } else {
                if (host.contains("*")) {
                    throw RequestRejectedException.invalid(field, "'" + host + "' has a '*' in the middle",
                            "an exact host, '*.example.com' or '*'");
                }
                rules.exact.add(new Compiled(normalizeHost(host, field), r));
            }
        }
        // longest suffix first, so the first wildcard that matches is the most specific
        rules.wildcards.sort((a, b) -> Integer.compare(b.pattern.length(), a.pattern.length()));
        return rules;
    }

    /** The rule for a normalized host (see {@link #normalizeHost}), most specific first. */
    public Optional<HttpAllowRule> match(String normalizedHost) {
        for (Compiled c : exact) {
            if (c.pattern.equals(normalizedHost)) {
                return Optional.of(c.rule);
            }
        }
        if (IpLiterals.parse(normalizedHost).isEmpty()) {
            for (Compiled c : wildcards) {
                if (normalizedHost.endsWith(c.pattern) && normalizedHost.length() > c.pattern.length()) {
                    return Optional.of(c.rule);
                }
            }
        }
        return any == null ? Optional.empty() : Optional.of(any.rule);
    }

    public boolean isEmpty() {
        return exact.isEmpty() && wildcards.isEmpty() && any == null;
    }

    /**
     * Lower-case, no trailing dot, internationalized names in their ASCII (punycode) form, and IP
     * literals in canonical form ({@code 2130706433} and {@code 0x7f.1} both become
     * {@code 127.0.0.1}), so that one host has exactly one spelling.
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
