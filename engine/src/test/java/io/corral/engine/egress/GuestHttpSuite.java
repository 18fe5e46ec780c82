package io.corral.engine.egress;

import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.HttpAllowRule;
import io.corral.api.HttpAuth;
import io.corral.api.HttpPolicy;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.ExecutionEngine;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guest HTTP APIs over the gateway, against a real server on 127.0.0.1: one suite, run for every
 * language that has HTTP. {@code GuestHttpTest} runs it for the engine's languages, the PHP module's
 * {@code PhpGuestHttpTest} for PHP.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
public abstract class GuestHttpSuite {

    protected static final String TOKEN = "tok-SECRET-4242";

    @org.junit.jupiter.api.extension.RegisterExtension
    protected final RecordingServer server = new RecordingServer();

    /** The languages this suite runs in. */
    protected abstract List<Language> languages();

    List<Language> toolLanguages() {
        return languages().stream().filter(l -> TestEngine.hasProgram("tool_fetch", l)
                || (l == Language.TYPESCRIPT && TestEngine.hasProgram("tool_fetch", Language.JAVASCRIPT))).toList();
    }

    private Execution run(ExecutionEngine engine, Language lang, String scenario, String url,
                                 HttpPolicy http) {
        return engine.run(ScriptRequest.newBuilder(lang, TestEngine.program(scenario, lang)).args(url)
                .env("VISIBLE", "yes").http(http).build());
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void allowedRequestCarriesTheInjectedCredentialTheGuestNeverSees(Language lang) {
        Execution ex = run(TestEngine.shared(), lang, "http_get", server.url("/echo"),
                HttpPolicy.allow(HttpAllowRule.of("127.0.0.1").withAuth(HttpAuth.bearer(TOKEN))));
        ExecResult r = ex.scriptResult();
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("200"), r.stdout());
        assertTrue(r.stdout().contains("ok"), r.stdout());
        assertFalse(r.stdout().contains(TOKEN) || r.stderr().contains(TOKEN), "the guest never sees the token");
        RecordingServer.Received got = server.received().get(0);
        assertEquals("Bearer " + TOKEN, got.header("Authorization"));
        assertEquals("yes", got.header("X-From-Guest"));
        assertEquals(1, ex.http().requests());
    }

    java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> languagesAndAuthKinds() {
        return languages().stream().flatMap(l -> java.util.stream.Stream.of("basic", "bearer", "header", "query")
                .map(kind -> org.junit.jupiter.params.provider.Arguments.of(l, kind)));
    }

    @ParameterizedTest
    @MethodSource("languagesAndAuthKinds")
    public void eachKindOfCredentialArrivesAndNeverReachesTheGuest(Language lang, String kind) {
        HttpAuth auth = switch (kind) {
            case "basic" -> HttpAuth.basic("user", TOKEN);
            case "bearer" -> HttpAuth.bearer(TOKEN);
            case "header" -> HttpAuth.header("X-Api-Key", TOKEN);
            default -> HttpAuth.query("api_key", TOKEN);
        };
        Execution ex = run(TestEngine.shared(), lang, "http_get", server.url("/echo"),
                HttpPolicy.allow(HttpAllowRule.of("127.0.0.1").withAuth(auth)));
        ExecResult r = ex.scriptResult();
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(r.stdout().contains(TOKEN) || r.stderr().contains(TOKEN), "the guest never sees it: " + r.stdout());
        RecordingServer.Received got = server.received().get(0);
        switch (kind) {
            case "basic" -> assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString(
                    ("user:" + TOKEN).getBytes(java.nio.charset.StandardCharsets.UTF_8)), got.header("Authorization"));
            case "bearer" -> assertEquals("Bearer " + TOKEN, got.header("Authorization"));
            case "header" -> assertEquals(TOKEN, got.header("X-Api-Key"));
            default -> assertEquals("/echo?api_key=" + TOKEN, got.pathAndQuery());
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void gzipBombIsCutOffAfterDecompressionAsANetworkError(Language lang) {
        Execution ex = run(TestEngine.shared(), lang, "http_refused", server.url("/gzip-bomb?bytes=" + (64L << 20)),
                HttpPolicy.allow(HttpAllowRule.of("127.0.0.1")));
        ExecResult r = ex.scriptResult();
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("refused") && r.stdout().contains("after decompression"), r.stdout());
        assertTrue(r.stdout().contains("still running"), r.stdout());
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void hostWithoutARuleIsACatchableErrorAndNothingIsSent(Language lang) {
        Execution ex = run(TestEngine.shared(), lang, "http_refused", server.url("/echo"), HttpPolicy.DENY_ALL);
        ExecResult r = ex.scriptResult();
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("refused"), r.stdout());
        assertTrue(r.stdout().contains("127.0.0.1") && r.stdout().contains("not in the http.allow list"), r.stdout());
        assertTrue(r.stdout().contains("still running"), r.stdout());
        assertTrue(server.received().isEmpty());
        assertEquals(1, ex.http().refusals());
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void loopbackIsRefusedUnderStarWithoutThePrivateNetwork(Language lang) {
        Execution ex = run(TestEngine.strict(), lang, "http_refused", server.url("/echo"),
                HttpPolicy.allow(HttpAllowRule.of("*")));
        ExecResult r = ex.scriptResult();
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("loopback or private"), r.stdout());
        assertTrue(server.received().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void wildcardRuleReachesSubdomainsButNotTheApex(Language lang) {
        HttpPolicy policy = HttpPolicy.allow(HttpAllowRule.of("*.a.test").withAuth(HttpAuth.header("X-Key", "K1")));
        ExecResult sub = run(TestEngine.shared(), lang, "http_get", "http://x.a.test:" + server.port() + "/echo",
                policy).scriptResult();
        assertTrue(sub.stdout().startsWith("200"), sub.stdout() + sub.stderr());
        ExecResult apex = run(TestEngine.shared(), lang, "http_refused", "http://a.test:" + server.port() + "/echo",
                policy).scriptResult();
        assertTrue(apex.stdout().contains("refused"), apex.stdout());
        assertEquals(1, server.received().size());
        assertEquals("K1", server.received().get(0).header("X-Key"));
    }

    @ParameterizedTest
    @MethodSource("toolLanguages")
    public void toolRunInjectsASecretBackedCredentialThatNoRecordHolds(Language lang) {
        ExecutionEngine engine = TestEngine.shared();
        String secretValue = "secret-value-" + lang.wireName() + "-77";
        io.corral.api.Secret secret = engine.createSecret("api-token-" + lang.wireName() + System.nanoTime(),
                secretValue);
        io.corral.api.Tool tool = engine.createTool(io.corral.api.ToolSpec.newBuilder("fetcher-" + lang.wireName()
                + System.nanoTime(), lang, TestEngine.program("tool_fetch", lang)).build());
        HttpPolicy policy = HttpPolicy.allow(HttpAllowRule.of("127.0.0.1").withAuth(
                HttpAuth.newBuilder().bearer(HttpAuth.Bearer.fromSecret(secret.id())).build()));
        Execution ex = engine.executeTool(tool.id(), io.corral.api.ToolExecuteRequest.newBuilder()
                .inputJson("{\"url\": \"" + server.url("/echo") + "\"}").http(policy).build());
        assertEquals(io.corral.api.OutputStatus.VALID, ex.functionResult().outputStatus(),
                ex.functionResult().execution().stderr());
        assertEquals("{\"status\":200,\"body\":\"ok\"}", ex.functionResult().outputJson().replace(" ", ""));
        assertEquals("Bearer " + secretValue, server.received().get(0).header("Authorization"));
        String stored = io.corral.api.wire.RizaJson.write(io.corral.api.wire.RizaJson.execution(
                engine.findExecution(ex.id()).orElseThrow()));
        assertFalse(stored.contains(secretValue), stored);
        assertTrue(stored.contains(secret.id()), "the record keeps the secret's id: " + stored);
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void credentialIsNotForwardedWhenARedirectLeavesTheHost(Language lang) {
        String other = "http://b.test:" + server.port() + "/echo";
        ExecResult r = run(TestEngine.shared(), lang, "http_get", "http://a.test:" + server.port()
                + "/redirect?to=" + java.net.URLEncoder.encode(other, java.nio.charset.StandardCharsets.UTF_8),
                HttpPolicy.allow(HttpAllowRule.of("a.test").withAuth(HttpAuth.bearer(TOKEN)),
                        HttpAllowRule.of("b.test"))).scriptResult();
        assertTrue(r.stdout().startsWith("200"), r.stdout() + r.stderr());
        assertEquals("Bearer " + TOKEN, server.received().get(0).header("Authorization"));
        assertNull(server.received().get(1).header("Authorization"));
    }
}
