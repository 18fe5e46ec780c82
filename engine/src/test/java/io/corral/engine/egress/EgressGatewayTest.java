package io.corral.engine.egress;

import io.corral.engine.spi.NameResolver;
import io.corral.api.HttpAllowRule;
import io.corral.api.HttpAuth;
import io.corral.api.HttpPolicy;
import io.corral.api.RequestRejectedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host-side gateway against a real HTTP server on 127.0.0.1. */
class EgressGatewayTest {

    @org.junit.jupiter.api.extension.RegisterExtension
    static final RecordingServer server = new RecordingServer();

    private final List<String> lookups = new CopyOnWriteArrayList<>();

    /** Maps every name under .test to 127.0.0.1, and remembers every look-up. */
    private final NameResolver testNames = host -> {
        lookups.add(host);
        if (host.endsWith(".test") || host.equals("localhost")) {
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        }
        if (host.equals("metadata.test-internal")) {
            return new InetAddress[] {InetAddress.getByName("169.254.169.254")};
        }
        throw new UnknownHostException(host);
    };

    @BeforeEach
    void reset() {
        lookups.clear();
    }

    private EgressGateway gateway(EgressSettings settings, HttpAllowRule... rules) {
        return new EgressGateway(HostRules.compile(HttpPolicy.allow(rules)), settings, testNames,
                () -> Duration.ofSeconds(20).toNanos());
    }

    private EgressGateway privateAllowed(HttpAllowRule... rules) {
        return gateway(EgressSettings.DEFAULTS.withAllowPrivateNetwork(true), rules);
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + server.port() + path;
    }

    private EgressRefusedException refused(EgressGateway g, String url) {
        return assertThrows(EgressRefusedException.class, () -> g.send(GuestHttpRequest.get(url)));
    }

    @Test
    void noRulesRefusesEveryRequestBeforeItLeaves() {
        try (EgressGateway g = privateAllowed()) {
            EgressRefusedException e = refused(g, server.url("/echo"));
            assertTrue(e.getMessage().contains("127.0.0.1") && e.getMessage().contains("not in the http.allow list"),
                    e.getMessage());
            assertTrue(server.received().isEmpty());
            assertEquals(1, g.metrics().refusals());
        }
    }

    @Test
    void allowedHostGetsEachKindOfCredential() throws Exception {
        try (EgressGateway g = privateAllowed(HttpAllowRule.of("127.0.0.1").withAuth(HttpAuth.bearer("T")),
                HttpAllowRule.of("basic.test").withAuth(HttpAuth.basic("user", "pw")),
                HttpAllowRule.of("header.test").withAuth(HttpAuth.header("X-Api-Key", "K")),
                HttpAllowRule.of("query.test").withAuth(HttpAuth.query("api_key", "Q v")))) {
            GuestHttpResponse r = g.send(GuestHttpRequest.get(server.url("/echo")));
            assertEquals(200, r.status());
            assertEquals("ok", r.bodyText());
            g.send(GuestHttpRequest.get(url("basic.test", "/echo")));
            g.send(GuestHttpRequest.get(url("header.test", "/echo")));
            GuestHttpResponse q = g.send(GuestHttpRequest.get(url("query.test", "/echo?a=1")));
            List<RecordingServer.Received> seen = server.received();
            assertEquals("Bearer T", seen.get(0).header("Authorization"));
            assertEquals("Basic dXNlcjpwdw==", seen.get(1).header("Authorization"));
            assertEquals("K", seen.get(2).header("X-Api-Key"));
            assertEquals("/echo?a=1&api_key=Q+v", seen.get(3).pathAndQuery());
            assertTrue(!q.url().contains("api_key"), "the guest never sees the query credential: " + q.url());
            assertEquals(4, g.metrics().requests());
        }
    }

    @Test
    void guestHeaderOfTheSameNameIsReplacedNeverDuplicated() throws Exception {
        try (EgressGateway g = privateAllowed(HttpAllowRule.of("127.0.0.1").withAuth(HttpAuth.bearer("T")))) {
            g.send(new GuestHttpRequest("GET", server.url("/echo"), List.of(Map.entry("authorization", "Bearer GUEST"),
                    Map.entry("Host", "evil.test"), Map.entry("X-Mine", "kept")), null));
            RecordingServer.Received r = server.received().get(0);
            assertEquals("Bearer T", r.header("Authorization"));
            assertEquals(1, r.headerCount("Authorization"));
            assertEquals("kept", r.header("X-Mine"));
            assertTrue(r.host().startsWith("127.0.0.1"), "a guest Host header is dropped: " + r.host());
        }
    }

    @Test
    void headerValuesWithLineBreaksAreRefused() {
        try (EgressGateway g = privateAllowed(HttpAllowRule.of("127.0.0.1"))) {
            assertThrows(EgressRefusedException.class, () -> g.send(new GuestHttpRequest("GET", server.url("/echo"),
                    List.of(Map.entry("X-A", "v\r\nInjected: yes")), null)));
            assertTrue(server.received().isEmpty());
        }
    }

    @Test
    void loopbackIsRefusedEvenUnderStarWithoutThePrivateNetwork() {
        try (EgressGateway g = gateway(EgressSettings.DEFAULTS, HttpAllowRule.of("*"))) {
            EgressRefusedException e = refused(g, server.url("/echo"));
            assertTrue(e.getMessage().contains("loopback or private"), e.getMessage());
            refused(g, url("a.test", "/echo"));
            assertTrue(server.received().isEmpty());
        }
    }

    @Test
    void wildcardMatchesSubdomainsButNotTheApex() throws Exception {
        try (EgressGateway g = privateAllowed(HttpAllowRule.of("*.a.test"))) {
            assertEquals(200, g.send(GuestHttpRequest.get(url("x.a.test", "/echo"))).status());
            assertEquals(200, g.send(GuestHttpRequest.get(url("deep.x.a.test", "/echo"))).status());
            refused(g, url("a.test", "/echo"));
            refused(g, url("xa.test", "/echo"));
            assertEquals(2, server.received().size());
        }
    }

    @Test
    void mostSpecificRuleWins() throws Exception {
        try (EgressGateway g = privateAllowed(HttpAllowRule.of("*").withAuth(HttpAuth.bearer("ANY")),
                HttpAllowRule.of("*.a.test").withAuth(HttpAuth.bearer("WILD")),
                HttpAllowRule.of("*.x.a.test").withAuth(HttpAuth.bearer("LONGER")),
                HttpAllowRule.of("x.a.test").withAuth(HttpAuth.bearer("EXACT")))) {
            g.send(GuestHttpRequest.get(url("x.a.test", "/echo")));
            g.send(GuestHttpRequest.get(url("y.a.test", "/echo")));
            g.send(GuestHttpRequest.get(url("z.x.a.test", "/echo")));
            g.send(GuestHttpRequest.get(url("b.test", "/echo")));
            List<RecordingServer.Received> seen = server.received();
            assertEquals("Bearer EXACT", seen.get(0).header("Authorization"));
            assertEquals("Bearer WILD", seen.get(1).header("Authorization"));
            assertEquals("Bearer LONGER", seen.get(2).header("Authorization"));
            assertEquals("Bearer ANY", seen.get(3).header("Authorization"));
        }
    }

    @Test
    void namesNoRuleAllowsAreNeverLookedUp() {
        try (EgressGateway g = privateAllowed(HttpAllowRule.of("a.test"))) {
            refused(g, url("exfil-secret-data.evil.test", "/"));
            assertTrue(lookups.isEmpty(), "no DNS look-up for a refused name: " + lookups);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1@evil.test/echo", "http://evil.test#@127.0.0.1/echo",
            "http://evil.test\\@127.0.0.1/echo", "http://127.0.0.1.evil.test/echo", "ftp://127.0.0.1/echo",
            "file:///etc/passwd", "http:///echo", "http://user:pw@127.0.0.1/echo"})
    void urlConfusionNeverReachesAnotherHost(String url) {
        try (EgressGateway g = privateAllowed(HttpAllowRule.of("127.0.0.1"))) {
            assertThrows(EgressRefusedException.class, () -> g.send(GuestHttpRequest.get(url.replace("/echo",
                    url.contains("127.0.0.1/") ? ":" + server.port() + "/echo" : "/echo"))));
            assertTrue(server.received().isEmpty(), url);
        }
    }

    @Test
    void hostCaseAndTrailingDotDoNotMatter() throws Exception {
        try (EgressGateway g = privateAllowed(HttpAllowRule.of("A.Test."))) {
            assertEquals(200, g.send(GuestHttpRequest.get("http://a.TEST.:" + server.port() + "/echo")).status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.1", "2130706433", "0x7f000001", "0177.0.0.1", "0x7f.0.0.1", "[::ffff:127.0.0.1]",
            "[::ffff:7f00:1]", "[::1]", "0.0.0.0", "169.254.169.254", "[fd00::1]", "10.0.0.1", "192.168.1.1",
            "[64:ff9b::7f00:1]"})
    void ipLiteralTricksAreRefusedWithoutThePrivateNetwork(String host) {
        try (EgressGateway g = gateway(EgressSettings.DEFAULTS, HttpAllowRule.of("*"))) {
            EgressRefusedException e = refused(g, "http://" + host + ":" + server.port() + "/echo");
            assertTrue(e.getMessage().contains("address"), e.getMessage());
            assertTrue(server.received().isEmpty());
        }
    }

    @Test
    void decimalIpLiteralMatchesTheCanonicalRuleWhenPrivateIsAllowed() throws Exception {
        try (EgressGateway g = privateAllowed(HttpAllowRule.of("127.0.0.1"))) {
            assertEquals(200, g.send(GuestHttpRequest.get("http://2130706433:" + server.port() + "/echo")).status());
        }
    }

    @Test
    void metadataAddressIsRefusedEvenWithThePrivateNetwork() {
        try (EgressGateway g = privateAllowed(HttpAllowRule.of("*"))) {
            refused(g, "http://169.254.169.254/latest/meta-data/");
            EgressRefusedException e = refused(g, "http://metadata.test-internal/");
            assertTrue(e.getMessage().contains("link-local"), e.getMessage());
        }
    }

    @Test
    void redirectToARefusedHostIsRefusedAndNeverFollowed() {
        try (EgressGateway g = privateAllowed(HttpAllowRule.of("a.test"))) {
            String evil = url("evil.test", "/echo");
            refused(g, url("a.test", "/redirect?to=" + URLEncoder.encode(evil, StandardCharsets.UTF_8)));
            assertEquals(1, server.received().size(), "only the first hop reached the server");
        }
    }

    @Test
    void redirectToThePrivateNetworkIsRefusedWhenNotAllowed() throws Exception {
        // a.test resolves to loopback here, so the test engine must allow it; the redirect target is metadata
        try (EgressGateway g = privateAllowed(HttpAllowRule.of("*"))) {
            refused(g, url("a.test", "/redirect?to=" + URLEncoder.encode("http://169.254.169.254/",
                    StandardCharsets.UTF_8)));
        }
    }

    @Test
    void credentialIsNeverForwardedToAnotherHostOnRedirect() throws Exception {
        try (EgressGateway g = privateAllowed(HttpAllowRule.of("a.test").withAuth(HttpAuth.bearer("SECRET")),
                HttpAllowRule.of("b.test"))) {
            String other = url("b.test", "/echo");
            GuestHttpResponse r = g.send(GuestHttpRequest.get(url("a.test", "/redirect?to="
                    + URLEncoder.encode(other, StandardCharsets.UTF_8))));
            assertEquals(200, r.status());
            assertEquals(other, r.url());
            List<RecordingServer.Received> seen = server.received();
            assertEquals("Bearer SECRET", seen.get(0).header("Authorization"));
            assertTrue(seen.get(1).host().startsWith("b.test"));
            assertNull(seen.get(1).header("Authorization"), "the credential stays with a.test");
        }
    }

    @Test
    void responseBodyOverTheCapIsRefused() {
        try (EgressGateway g = gateway(EgressSettings.DEFAULTS.withAllowPrivateNetwork(true)
                .withMaxResponseBytes(1 << 20), HttpAllowRule.of("127.0.0.1"))) {
            EgressRefusedException e = refused(g, server.url("/big?bytes=" + (2 << 20)));
            assertTrue(e.getMessage().contains("over the limit"), e.getMessage());
        }
    }

    @Test
    void gzipBombIsCappedAfterDecompression() {
        try (EgressGateway g = gateway(EgressSettings.DEFAULTS.withAllowPrivateNetwork(true)
                .withMaxResponseBytes(1 << 20), HttpAllowRule.of("127.0.0.1"))) {
            EgressRefusedException e = refused(g, server.url("/gzip-bomb?bytes=" + (64L << 20)));
            assertTrue(e.getMessage().contains("after decompression"), e.getMessage());
        }
    }

    @Test
    void requestsPerExecutionAreCapped() throws Exception {
        try (EgressGateway g = gateway(EgressSettings.DEFAULTS.withAllowPrivateNetwork(true).withMaxRequests(3),
                HttpAllowRule.of("127.0.0.1"))) {
            for (int i = 0; i < 3; i++) {
                g.send(GuestHttpRequest.get(server.url("/echo")));
            }
            EgressRefusedException e = refused(g, server.url("/echo"));
            assertTrue(e.getMessage().contains("3 requests"), e.getMessage());
            assertEquals(3, server.received().size());
        }
    }

    @Test
    void slowServerIsCutOffAtTheRequestTimeout() {
        try (EgressGateway g = gateway(EgressSettings.DEFAULTS.withAllowPrivateNetwork(true)
                .withRequestTimeout(Duration.ofMillis(300)), HttpAllowRule.of("127.0.0.1"))) {
            EgressRefusedException e = refused(g, server.url("/slow?ms=3000"));
            assertTrue(e.getMessage().contains("no complete response"), e.getMessage());
        }
    }

    @Test
    void requestIsBoundedByWhatIsLeftOfTheTimeLimit() {
        try (EgressGateway g = new EgressGateway(HostRules.compile(HttpPolicy.allow(HttpAllowRule.of("127.0.0.1"))),
                EgressSettings.DEFAULTS.withAllowPrivateNetwork(true), testNames, () -> 0L)) {
            EgressRefusedException e = refused(g, server.url("/echo"));
            assertTrue(e.getMessage().contains("time limit"), e.getMessage());
            assertTrue(server.received().isEmpty());
        }
    }

    @Test
    void badHostPatternsAreRejectedNamingTheRule() {
        RequestRejectedException e = assertThrows(RequestRejectedException.class,
                () -> HostRules.compile(HttpPolicy.allow(HttpAllowRule.of("ok.test"), HttpAllowRule.of("a*b.test"))));
        assertEquals("http.allow[1].host", e.field());
        e = assertThrows(RequestRejectedException.class,
                () -> HostRules.compile(HttpPolicy.allow(HttpAllowRule.of("bad host"))));
        assertEquals("http.allow[0].host", e.field());
    }

    @Test
    void aMalformedHostIsARefusalNeverAHostError() {
        try (EgressGateway g = privateAllowed(HttpAllowRule.of("*"))) {
            EgressRefusedException e = refused(g, "http://" + "a".repeat(64) + ".test/");
            assertTrue(e.getMessage().contains("is not a valid host name"), e.getMessage());
            assertTrue(server.received().isEmpty());
        }
    }

    @Test
    void aRuleNamingAPortAllowsThatPortOnly() throws Exception {
        int other = server.port() == 1 ? 2 : server.port() - 1;
        try (EgressGateway g = privateAllowed(HttpAllowRule.of("127.0.0.1:" + other).withAuth(HttpAuth.bearer("T")))) {
            EgressRefusedException e = refused(g, server.url("/echo"));
            assertTrue(e.getMessage().contains("for port " + server.port()), e.getMessage());
            assertTrue(server.received().isEmpty());
        }
        try (EgressGateway g = privateAllowed(HttpAllowRule.of("127.0.0.1:" + server.port())
                .withAuth(HttpAuth.bearer("T")))) {
            assertEquals(200, g.send(GuestHttpRequest.get(server.url("/echo"))).status());
            assertEquals("Bearer T", server.received().get(0).header("Authorization"));
        }
    }
}
