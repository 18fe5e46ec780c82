package io.corral.engine.lang.php;

import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.HttpAllowRule;
import io.corral.api.HttpAuth;
import io.corral.api.HttpPolicy;
import io.corral.api.Language;
import io.corral.api.OutputStatus;
import io.corral.api.ScriptRequest;
import io.corral.api.FunctionRequest;
import io.corral.engine.TestEngine;
import io.corral.engine.egress.RecordingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PHP's share of the egress and input-file scenarios (the same programs the engine's
 * GuestHttpTest and InputFilesTest run in the other languages), against a real server on
 * 127.0.0.1.
 */
class PhpEgressAndFilesTest {

    private static final Language PHP = Language.PHP;
    private static final String TOKEN = "tok-PHP-SECRET-99";
    private static RecordingServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new RecordingServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.clear();
    }

    private static ExecResult run(String scenario, String arg, HttpPolicy http) {
        return TestEngine.shared().run(ScriptRequest.newBuilder(PHP, TestEngine.program(scenario, PHP)).args(arg)
                .env("VISIBLE", "yes").http(http).build()).scriptResult();
    }

    @Test
    void fileGetContentsCarriesTheInjectedCredentialTheGuestNeverSees() {
        ExecResult r = run("http_get", server.url("/echo"),
                HttpPolicy.allow(HttpAllowRule.of("127.0.0.1").withAuth(HttpAuth.bearer(TOKEN))));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("200 true ok"), r.stdout());
        assertFalse(r.stdout().contains(TOKEN), r.stdout());
        assertEquals("Bearer " + TOKEN, server.received().get(0).header("Authorization"));
        assertEquals("yes", server.received().get(0).header("X-From-Guest"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"basic", "bearer", "header", "query"})
    void eachKindOfCredentialArrives(String kind) {
        HttpAuth auth = switch (kind) {
            case "basic" -> HttpAuth.basic("user", TOKEN);
            case "bearer" -> HttpAuth.bearer(TOKEN);
            case "header" -> HttpAuth.header("X-Api-Key", TOKEN);
            default -> HttpAuth.query("api_key", TOKEN);
        };
        ExecResult r = run("http_get", server.url("/echo"), HttpPolicy.allow(HttpAllowRule.of("127.0.0.1").withAuth(auth)));
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(r.stdout().contains(TOKEN), r.stdout());
        RecordingServer.Received got = server.received().get(0);
        switch (kind) {
            case "basic" -> assertTrue(got.header("Authorization").startsWith("Basic "), got.headers().toString());
            case "bearer" -> assertEquals("Bearer " + TOKEN, got.header("Authorization"));
            case "header" -> assertEquals(TOKEN, got.header("X-Api-Key"));
            default -> assertEquals("/echo?api_key=" + TOKEN, got.pathAndQuery());
        }
    }

    @Test
    void refusedHostIsAWarningAndFalseAndNothingIsSent() {
        ExecResult r = run("http_refused", server.url("/echo"), HttpPolicy.DENY_ALL);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("refused\nstill running\n", r.stdout());
        assertTrue(r.stderr().contains("Warning") && r.stderr().contains("127.0.0.1")
                && r.stderr().contains("not in the http.allow list"), r.stderr());
        assertTrue(server.received().isEmpty());
    }

    @Test
    void redirectToAnotherHostDropsTheCredential() {
        String other = "http://b.test:" + server.port() + "/echo";
        ExecResult r = run("http_get", "http://a.test:" + server.port() + "/redirect?to="
                + java.net.URLEncoder.encode(other, java.nio.charset.StandardCharsets.UTF_8),
                HttpPolicy.allow(HttpAllowRule.of("a.test").withAuth(HttpAuth.bearer(TOKEN)), HttpAllowRule.of("b.test")));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("Bearer " + TOKEN, server.received().get(0).header("Authorization"));
        assertNull(server.received().get(1).header("Authorization"));
    }

    @Test
    void curlInAFunctionGoesThroughTheGateway() {
        Execution ex = TestEngine.shared().call(FunctionRequest.newBuilder(PHP, TestEngine.program("tool_fetch", PHP))
                .inputJson("{\"url\": \"" + server.url("/echo") + "\"}")
                .http(HttpPolicy.allow(HttpAllowRule.of("127.0.0.1").withAuth(HttpAuth.header("X-Key", "K")))).build());
        assertEquals(OutputStatus.VALID, ex.functionResult().outputStatus(), ex.functionResult().execution().stderr());
        assertEquals("{\"status\":200,\"body\":\"ok\"}", ex.functionResult().outputJson());
        assertEquals("K", server.received().get(0).header("X-Key"));
    }

    @Test
    void inputFilesAreReadableReadOnlyAndHostFilesAreAbsent() {
        ExecResult r = TestEngine.shared().run(ScriptRequest.newBuilder(PHP, TestEngine.program("read_input_file",
                PHP)).file("d/x.txt", "42").build()).scriptResult();
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("42\nread-only: EACCES\nno host file: ENOENT\n", r.stdout());
    }

    @Test
    void scratchFilesAreWritableAndGoneInTheNextExecution() {
        for (int i = 0; i < 2; i++) {
            ExecResult r = TestEngine.shared().run(ScriptRequest.of(PHP, TestEngine.program("write_scratch_file", PHP)))
                    .scriptResult();
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals("left over: False\nscratch\n", r.stdout());
        }
    }

    @Test
    void randomBytesDifferFromOneExecutionToTheNext() {
        String code = "<?php echo bin2hex(random_bytes(16));";
        String a = TestEngine.shared().run(ScriptRequest.of(PHP, code)).scriptResult().stdout();
        String b = TestEngine.shared().run(ScriptRequest.of(PHP, code)).scriptResult().stdout();
        assertEquals(32, a.length(), a);
        assertFalse(a.equals(b), "two executions drew the same 16 bytes: " + a);
    }
}
