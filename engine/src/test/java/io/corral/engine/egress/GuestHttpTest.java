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

/** The guest HTTP suite in the engine's languages, and what only one language has. */
class GuestHttpTest extends GuestHttpSuite {

    @Override
    protected List<Language> languages() {
        return TestEngine.languagesWith("http_get");
    }

    @org.junit.jupiter.api.Test
    void pythonRequestsModuleWorksLikeRequests() {
        ExecResult r = TestEngine.shared().run(ScriptRequest.newBuilder(Language.PYTHON,
                TestEngine.program("python_requests", Language.PYTHON)).args("http://127.0.0.1:" + server.port())
                .http(HttpPolicy.allow(HttpAllowRule.of("127.0.0.1").withAuth(HttpAuth.basic("u", "p")))).build())
                .scriptResult();
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("200 True ok text/plain\n200\n1\nrefused: True\n", r.stdout());
        List<RecordingServer.Received> seen = server.received();
        assertEquals("/echo?q=a+b", seen.get(0).pathAndQuery());
        assertEquals("1", seen.get(0).header("X-Trace"));
        assertEquals("{\"n\": 1}", seen.get(1).body());
        assertEquals("application/json", seen.get(1).header("Content-Type"));
        assertEquals("Basic dTpw", seen.get(1).header("Authorization"));
        assertEquals(3, seen.size(), "the refused request never left");
    }

    @org.junit.jupiter.api.Test
    void inProcessRubyReachesTheGatewayThroughNetHttpToo() {
        Execution ruby = TestEngine.rubyInProcess().run(ScriptRequest.newBuilder(Language.RUBY,
                        TestEngine.program("http_get", Language.RUBY)).args(server.url("/echo"))
                .http(HttpPolicy.allow(HttpAllowRule.of("127.0.0.1").withAuth(HttpAuth.bearer(TOKEN)))).build());
        ExecResult r = ruby.scriptResult();
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("200 true ok\n"), r.stdout());
        assertFalse(r.stdout().contains(TOKEN), r.stdout());
        assertEquals("Bearer " + TOKEN, server.received().get(0).header("Authorization"));
        assertTrue(ruby.notices().stream().noneMatch(n -> n.startsWith("http.allow")), ruby.notices().toString());
        ExecResult socket = TestEngine.rubyInProcess().run(ScriptRequest.of(Language.RUBY,
                "require 'socket'\nbegin\n  TCPSocket.new('127.0.0.1', 22)\nrescue SystemCallError => e\n  p e.class\nend"))
                .scriptResult();
        assertEquals("Errno::EACCES\n", socket.stdout(), socket.stderr());
    }

    @org.junit.jupiter.api.Test
    void unknownSecretInAnHttpRuleIsRejectedBeforeRunning() {
        HttpPolicy policy = HttpPolicy.allow(HttpAllowRule.of("127.0.0.1").withAuth(
                HttpAuth.newBuilder().bearer(HttpAuth.Bearer.fromSecret("NO-SUCH-SECRET")).build()));
        io.corral.api.RequestRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.corral.api.RequestRejectedException.class, () -> TestEngine.shared().runAsync(
                        ScriptRequest.newBuilder(Language.JAVASCRIPT, "1").http(policy).build()));
        assertEquals("http.allow[0].auth.bearer.secret_id", e.field());
        assertTrue(e.getMessage().contains("NO-SUCH-SECRET"), e.getMessage());
    }
}
