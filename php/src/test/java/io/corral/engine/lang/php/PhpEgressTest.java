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
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What only PHP has in egress and files: a refused request is PHP's own warning and {@code false},
 * curl in a function, random bytes from the host. The egress and file scenarios every language
 * shares run for PHP through the engine's suites ({@link PhpGuestHttpTest}, {@link PhpInputFilesTest}).
 */
class PhpEgressTest {

    private static final Language PHP = Language.PHP;
    private static final String TOKEN = "tok-PHP-SECRET-99";

    @org.junit.jupiter.api.extension.RegisterExtension
    static final RecordingServer server = new RecordingServer();

    private static ExecResult run(String scenario, String arg, HttpPolicy http) {
        return TestEngine.shared().run(ScriptRequest.newBuilder(PHP, TestEngine.program(scenario, PHP)).args(arg)
                .env("VISIBLE", "yes").http(http).build()).scriptResult();
    }

    @Test
    void refusedHostIsAWarningAndFalseAndNothingIsSent() {
        ExecResult r = run("http_refused", server.url("/echo"), HttpPolicy.DENY_ALL);
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("refused: ") && r.stdout().endsWith("\nstill running\n"),
                r.stdout());
        assertTrue(r.stderr().contains("Warning") && r.stderr().contains("127.0.0.1")
                && r.stderr().contains("not in the http.allow list"), r.stderr());
        assertTrue(server.received().isEmpty());
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
    void randomBytesDifferFromOneExecutionToTheNext() {
        String code = "<?php echo bin2hex(random_bytes(16));";
        String a = TestEngine.shared().run(ScriptRequest.of(PHP, code)).scriptResult().stdout();
        String b = TestEngine.shared().run(ScriptRequest.of(PHP, code)).scriptResult().stdout();
        assertEquals(32, a.length(), a);
        assertFalse(a.equals(b), "two executions drew the same 16 bytes: " + a);
    }
}
