package io.corral.engine.egress;

import io.corral.api.HttpAllowRule;
import io.corral.api.HttpAuth;
import io.corral.api.HttpPolicy;
import io.corral.api.RequestRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostRulesTest {

    private static HostRules rules(String... hosts) {
        HttpAllowRule[] r = new HttpAllowRule[hosts.length];
        for (int i = 0; i < hosts.length; i++) {
            // each rule carries its own pattern as a bearer token, so a test can see which one matched
            r[i] = HttpAllowRule.of(hosts[i]).withAuth(HttpAuth.bearer(hosts[i]));
        }
        return HostRules.compile(HttpPolicy.allow(r));
    }

    private static String matched(HostRules rules, String host, int port) {
        Optional<HostRules.Match> m = rules.match(HostRules.normalizeHost(host, "url"), port);
        return m.map(x -> x.rule().auth().bearer().token() + (x.namesPort() ? " (port)" : "")).orElse("none");
    }

    @Test
    void theMostSpecificRuleWins() {
        HostRules r = rules("*", "*.example.com", "*.api.example.com", "v1.api.example.com");
        assertEquals("v1.api.example.com", matched(r, "v1.api.example.com", 443));
        assertEquals("*.api.example.com", matched(r, "v2.api.example.com", 443));
        assertEquals("*.example.com", matched(r, "www.example.com", 443));
        assertEquals("*", matched(r, "example.org", 443));
    }

    @Test
    void aWildcardNeverMatchesItsApex() {
        HostRules r = rules("*.example.com");
        assertEquals("none", matched(r, "example.com", 443));
        assertEquals("*.example.com", matched(r, "a.example.com", 443));
    }

    @Test
    void namesAreComparedInOneSpelling() {
        HostRules r = rules("API.Example.COM.", "bücher.example");
        assertEquals("API.Example.COM.", matched(r, "api.example.com", 443));
        assertEquals("bücher.example", matched(r, "xn--bcher-kva.example", 443));
    }

    @Test
    void ipLiteralRulesMatchEverySpellingOfTheirAddressOnly() {
        HostRules r = rules("127.0.0.1", "[1:0:0:2::3]");
        assertEquals("127.0.0.1", matched(r, "2130706433", 80));
        assertEquals("127.0.0.1", matched(r, "0x7f.1", 80));
        assertEquals("[1:0:0:2::3]", matched(r, "1:0:0:2:0:0:0:3", 80));
        assertEquals("none", matched(r, "1:0:0:0:2:0:0:3", 80));
    }

    @Test
    void aRuleWithAPortMatchesThatPortOnly() {
        HostRules r = rules("api.example.com:8443");
        assertEquals("api.example.com:8443 (port)", matched(r, "api.example.com", 8443));
        assertEquals("none", matched(r, "api.example.com", 443));
        assertTrue(r.namesHost("api.example.com"), "the refusal can say the host is allowed on another port");
    }

    @Test
    void aRuleNamingThePortBeatsOneWithoutAtTheSameLevel() {
        HostRules r = rules("api.example.com", "api.example.com:8443", "[::1]:9000", "*.example.com:81");
        assertEquals("api.example.com:8443 (port)", matched(r, "api.example.com", 8443));
        assertEquals("api.example.com", matched(r, "api.example.com", 443));
        assertEquals("[::1]:9000 (port)", matched(r, "::1", 9000));
        assertEquals("*.example.com:81 (port)", matched(r, "x.example.com", 81));
        assertEquals("none", matched(r, "x.example.com", 80));
    }

    @Test
    void credentialsOfARuleWithoutAPortGoOnlyToStandardPortsOrAnAllowedInternalAddress() {
        HostRules.Match portless = rules("api.example.com").match("api.example.com", 8080).orElseThrow();
        assertFalse(portless.credentialsAllowedOn(8080, false));
        assertTrue(portless.credentialsAllowedOn(443, false));
        assertTrue(portless.credentialsAllowedOn(80, false));
        assertTrue(portless.credentialsAllowedOn(8080, true), "loopback test servers on random ports");
        HostRules.Match withPort = rules("api.example.com:8080").match("api.example.com", 8080).orElseThrow();
        assertTrue(withPort.credentialsAllowedOn(8080, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a*b.example.com", "bad host", "api.example.com:0", "api.example.com:65536",
            "api.example.com:http", "api.example.com:", "-bad.example.com", "a..b"})
    void badRulesAreRejectedNamingTheField(String host) {
        RequestRejectedException e = assertThrows(RequestRejectedException.class,
                () -> HostRules.compile(HttpPolicy.allow(HttpAllowRule.of("ok.example.com"), HttpAllowRule.of(host))));
        assertEquals("http.allow[1].host", e.field());
    }
}
