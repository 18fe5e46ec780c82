package io.corral.junit;

import io.corral.api.Execution;
import io.corral.api.HttpAllowRule;
import io.corral.api.HttpAuth;
import io.corral.api.HttpPolicy;
import io.corral.api.Language;
import io.corral.api.Outcome;
import io.corral.api.OutputStatus;
import io.corral.engine.ExecutionEngine;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.AssertionFailedError;

import java.util.Map;

import static io.corral.junit.CorralAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@CorralTest(allowPrivateNetwork = true)
class CorralExtensionTest {

    static ExecutionEngine first;

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"PYTHON", "JAVASCRIPT", "RUBY", "PHP"})
    void oneToolInEveryLanguageReturnsItsSum(Language language, ExecutionEngine engine) {
        Execution run = ToolCode.fromResource("tools/add", language).call(engine, Map.of("a", 2, "b", 3));
        assertThat(run).succeeded().hasOutcome(Outcome.Kind.COMPLETED).hasOutputJson("{\"sum\": 5}");
    }

    @Test
    void outputsCompareAsJsonValues(ExecutionEngine engine) {
        Execution run = ToolCode.of(Language.PYTHON, "def execute(input):\n    return {'b': 6 / 2, 'a': [1]}")
                .call(engine, (String) null);
        assertThat(run).hasOutputJson("{\"a\": [1], \"b\": 3}");
        assertThrows(AssertionFailedError.class, () -> assertThat(run).hasOutputJson("{\"a\": [1], \"b\": 3.5}"));
    }

    @Test
    void theEngineIsSharedByEveryTestWithTheSameSettings(ExecutionEngine engine) {
        if (first == null) {
            first = engine;
        }
        assertSame(first, engine);
        assertTrue(engine.configuration().allowPrivateNetwork());
    }

    @Test
    void aFailingToolsAssertionShowsTheGuestsError(ExecutionEngine engine) {
        Execution run = ToolCode.fromResource("tools/average.py").call(engine, "{\"values\": []}");
        assertThat(run).hasOutcome(Outcome.Kind.GUEST_ERROR).hasOutputStatus(OutputStatus.ERROR)
                .stderrContains("ZeroDivisionError");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertThat(run).succeeded());
        assertTrue(e.getMessage().contains("expected the run to succeed, but it ended guest_error"), e.getMessage());
        assertTrue(e.getMessage().contains("ZeroDivisionError: division by zero"), "shows the guest's stderr: "
                + e.getMessage());
        AssertionFailedError value = assertThrows(AssertionFailedError.class, () -> assertThat(run).hasOutputJson("1"));
        assertEquals("1", value.getExpected().getStringRepresentation());
    }

    @Test
    void aLocalServerSeesTheToolsRequestWithTheCredentialCorralAdded(ExecutionEngine engine, LocalHttpServer server) {
        server.respond("GET", "/forecast", 200, "{\"temp\": 21}");
        Execution run = engine.call(ToolCode.fromResource("tools/fetch_temperature.py")
                .functionRequest("{\"url\": \"" + server.url("/forecast") + "\"}")
                .http(HttpPolicy.allow(HttpAllowRule.of(server.hostRule()).withAuth(HttpAuth.bearer("T0KEN"))))
                .build());
        assertThat(run).succeeded().hasOutput(21).madeHttpRequests(1);
        assertEquals(1, server.requests().size());
        assertEquals("Bearer T0KEN", server.requests().get(0).header("Authorization"));
    }

    @Nested
    class Scripts {
        @Test
        void aScriptRunsWithItsStdin(ExecutionEngine engine) {
            Execution run = ToolCode.of(Language.PYTHON, "import sys; print(sys.stdin.read().upper())")
                    .run(engine, b -> b.stdin("hello"));
            assertThat(run).succeeded().hasStdout("HELLO\n");
            assertSame(first == null ? engine : first, engine, "nested classes share the engine too");
        }
    }
}
