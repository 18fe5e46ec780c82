package io.corral.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.EnvVar;
import io.corral.api.Execution;
import io.corral.api.FunctionRequest;
import io.corral.api.FunctionResult;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.Outcome;
import io.corral.api.OutputStatus;
import io.corral.api.Secret;
import io.corral.api.Tool;
import io.corral.api.ToolExecuteRequest;
import io.corral.api.ToolSpec;
import io.corral.api.ToolUpdate;
import io.corral.api.wire.RizaJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Warm instances: module-level state survives between calls of one opted-in tool revision (or
 * reusable code) with one environment, secret set and scope, and never across any of them; a call
 * that does not return normally ends its instance; each call's output and outcome are its own.
 * The counter of {@code scenarios/fn_counter} (incremented at module level by each call) is the
 * signal: 2 on a second call means the instance was reused, 1 means a fresh context.
 */
class WarmInstancesTest {

    private static final ExecutionEngine ENGINE = TestEngine.shared();

    /** The languages that keep a function loaded (PHP runs every call fresh: its own module tests that). */
    static List<Language> languages() {
        return TestEngine.languagesWith("fn_counter").stream()
                .filter(l -> ENGINE.runtime(l).supportsWarmInstances())
                .filter(l -> ENGINE.isolation().get(l) == io.corral.api.Isolation.IN_PROCESS).toList();
    }

    @org.junit.jupiter.api.Test
    void inAWorkerProcessEveryCallIsFreshEvenWhenReusable() {
        ProcessIsolation.requireSandbox();
        // Ruby runs in worker processes on the shared engine (its default): one execution per worker
        assertEquals(io.corral.api.Isolation.PROCESS, ENGINE.isolation().get(Language.RUBY));
        FunctionRequest reusable = counterCall(Language.RUBY).reusable(true).instanceScope(UUID.randomUUID().toString())
                .build();
        assertEquals(1, count(ENGINE.call(reusable).functionResult()));
        assertEquals(1, count(ENGINE.call(reusable).functionResult()));
        Tool tool = counterTool(Language.RUBY, true);
        assertEquals(1, count(run(tool)));
        assertEquals(1, count(run(tool)));
    }

    private static Tool counterTool(Language lang, boolean warm) {
        return ENGINE.createTool(ToolSpec.newBuilder("counter-" + UUID.randomUUID(), lang,
                TestEngine.program("fn_counter", lang)).warmInstances(warm).build());
    }

    private static FunctionResult run(Tool tool, ToolExecuteRequest request) {
        return ENGINE.executeTool(tool.id(), request).functionResult();
    }

    private static FunctionResult run(Tool tool) {
        return run(tool, ToolExecuteRequest.newBuilder().inputJson("{}").build());
    }

    private static FunctionRequest.Builder counterCall(Language lang) {
        return FunctionRequest.newBuilder(lang, TestEngine.program("fn_counter", lang)).inputJson("{}");
    }

    /** The module-level counter the call saw. */
    private static int count(FunctionResult r) {
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        return RizaJson.parseValue(r.outputJson()).get("count").asInt();
    }

    private static String describe(FunctionResult r) {
        return r.outputStatus() + " " + r.outputJson() + " exit " + r.execution().exitCode() + "\n--- stdout\n"
                + r.execution().stdout() + "\n--- stderr\n" + r.execution().stderr();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void moduleStateSurvivesBetweenCallsOfOneRevisionAndEachCallHasItsOwnOutput(Language lang) {
        Tool tool = counterTool(lang, true);
        FunctionResult first = run(tool);
        FunctionResult second = run(tool);
        FunctionResult third = run(tool);
        assertEquals(1, count(first), describe(first));
        assertEquals(2, count(second), describe(second));
        assertEquals(3, count(third), describe(third));
        assertEquals("call 1\n", first.execution().stdout());
        assertEquals("call 2\n", second.execution().stdout());
        assertEquals("call 3\n", third.execution().stdout());
        assertEquals("", third.execution().stderr());
        assertEquals(0, third.execution().exitCode());
    }

    @ParameterizedTest
    @MethodSource("languages")
    void aNewRevisionStartsFreshAndTheOldOneKeepsItsOwnInstance(Language lang) {
        Tool v1 = counterTool(lang, true);
        assertEquals(1, count(run(v1)));
        assertEquals(2, count(run(v1)));
        Tool v2 = ENGINE.updateTool(v1.id(), ToolUpdate.NONE);
        assertTrue(v2.warmInstances(), "an update keeps the setting");
        assertEquals(1, count(run(v2)), "the new revision starts from a fresh context");
        assertEquals(2, count(run(v2)));
        FunctionResult old = run(v1, ToolExecuteRequest.newBuilder().inputJson("{}").revisionId(v1.revisionId())
                .build());
        assertEquals(3, count(old), "the old revision's instance is still its own");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void anotherEnvironmentOrSecretValueStartsFresh(Language lang) {
        Tool tool = counterTool(lang, true);
        ToolExecuteRequest modeA = ToolExecuteRequest.newBuilder().inputJson("{}").env(EnvVar.literal("MODE", "a"))
                .build();
        ToolExecuteRequest modeB = ToolExecuteRequest.newBuilder().inputJson("{}").env(EnvVar.literal("MODE", "b"))
                .build();
        FunctionResult a1 = run(tool, modeA);
        FunctionResult a2 = run(tool, modeA);
        FunctionResult b1 = run(tool, modeB);
        assertEquals(1, count(a1));
        assertEquals(2, count(a2));
        assertEquals("a", RizaJson.parseValue(a2.outputJson()).get("mode").asText());
        assertEquals(1, count(b1), "another environment never sees the first one's state");
        assertEquals("b", RizaJson.parseValue(b1.outputJson()).get("mode").asText());

        // two secrets of one name and different values are two secret sets
        Secret s1 = ENGINE.createSecret("token", "value-one-" + UUID.randomUUID());
        Secret s2 = ENGINE.createSecret("token", "value-two-" + UUID.randomUUID());
        ToolExecuteRequest secret1 = ToolExecuteRequest.newBuilder().inputJson("{}")
                .env(EnvVar.fromSecret("MODE", s1.id())).build();
        ToolExecuteRequest secret2 = ToolExecuteRequest.newBuilder().inputJson("{}")
                .env(EnvVar.fromSecret("MODE", s2.id())).build();
        assertEquals(1, count(run(tool, secret1)));
        assertEquals(2, count(run(tool, secret1)));
        assertEquals(1, count(run(tool, secret2)), "another secret value never sees the first one's state");
        assertEquals(3, count(run(tool, secret1)));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void anotherScopeStartsFresh(Language lang) {
        Tool tool = counterTool(lang, true);
        ToolExecuteRequest keyA = ToolExecuteRequest.newBuilder().inputJson("{}").instanceScope("key-a").build();
        ToolExecuteRequest keyB = ToolExecuteRequest.newBuilder().inputJson("{}").instanceScope("key-b").build();
        assertEquals(1, count(run(tool, keyA)));
        assertEquals(2, count(run(tool, keyA)));
        assertEquals(1, count(run(tool, keyB)), "another scope never sees the first one's state");
        assertEquals(1, count(run(tool)), "nor does a call without a scope");
        assertEquals(3, count(run(tool, keyA)));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void anotherToolWithTheSameCodeStartsFresh(Language lang) {
        Tool one = counterTool(lang, true);
        Tool other = counterTool(lang, true);
        assertEquals(1, count(run(one)));
        assertEquals(2, count(run(one)));
        assertEquals(1, count(run(other)));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void withoutTheOptionEveryCallIsFresh(Language lang) {
        Tool tool = counterTool(lang, false);
        assertFalse(tool.warmInstances());
        assertEquals(1, count(run(tool)));
        assertEquals(1, count(run(tool)));
        assertEquals(1, count(ENGINE.call(counterCall(lang).build()).functionResult()));
        assertEquals(1, count(ENGINE.call(counterCall(lang).build()).functionResult()));

        Tool turnedOff = ENGINE.updateTool(counterTool(lang, true).id(),
                ToolUpdate.newBuilder().warmInstances(false).build());
        assertFalse(turnedOff.warmInstances());
        assertEquals(1, count(run(turnedOff)));
        assertEquals(1, count(run(turnedOff)));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void reusableFunctionRequestsShareAnInstanceOnlyForTheSameCode(Language lang) {
        // a scope of this test's own, so no other test's reusable calls of this code meet these
        String scope = UUID.randomUUID().toString();
        FunctionRequest reusable = counterCall(lang).reusable(true).instanceScope(scope).build();
        assertEquals(1, count(ENGINE.call(reusable).functionResult()));
        assertEquals(2, count(ENGINE.call(reusable).functionResult()));
        FunctionRequest otherCode = FunctionRequest.newBuilder(lang, TestEngine.program("fn_counter", lang) + "\n")
                .inputJson("{}").reusable(true).instanceScope(scope).build();
        assertEquals(1, count(ENGINE.call(otherCode).functionResult()));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void aTimeOutEndsTheCallAsTimedOutAndTheNextCallGetsAFreshInstance(Language lang) {
        String scope = UUID.randomUUID().toString();
        FunctionRequest.Builder call = counterCall(lang).reusable(true).instanceScope(scope);
        assertEquals(1, count(ENGINE.call(call.build()).functionResult()));
        assertEquals(2, count(ENGINE.call(call.build()).functionResult()));

        Execution spun = ENGINE.call(call.build().toBuilder().inputJson("{\"spin\": true}")
                .limits(Limits.newBuilder().executionTimeout(Duration.ofSeconds(1)).build()).build());
        FunctionResult timedOut = spun.functionResult();
        assertEquals(Outcome.Kind.TIMED_OUT, timedOut.execution().outcome().kind(), describe(timedOut));
        assertEquals(124, timedOut.execution().exitCode());
        assertEquals(OutputStatus.ERROR, timedOut.outputStatus());
        assertEquals("call 3\n", timedOut.execution().stdout(), "the warm instance ran it");

        FunctionResult after = ENGINE.call(call.build()).functionResult();
        assertEquals(1, count(after), "a timed-out instance is never reused");
        assertEquals(2, count(ENGINE.call(call.build()).functionResult()));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void anErrorEndsTheInstance(Language lang) {
        Tool tool = counterTool(lang, true);
        assertEquals(1, count(run(tool)));
        FunctionResult raised = run(tool, ToolExecuteRequest.newBuilder().inputJson("{\"raise\": true}").build());
        assertEquals(OutputStatus.ERROR, raised.outputStatus(), describe(raised));
        assertTrue(raised.execution().stderr().contains("asked to raise"), describe(raised));
        assertEquals("call 2\n", raised.execution().stdout());
        assertEquals(1, count(run(tool)), "an instance whose call raised is never reused");
    }

    /** What a call returns, how it ends and what it prints are the same with and without an instance. */
    @ParameterizedTest
    @MethodSource("languages")
    void theOutputContractIsTheSameWithWarmInstances(Language lang) {
        for (String[] c : new String[][] {{"fn_echo", "{\"a\":[1,2,{\"b\":\"ü\"}],\"n\":null}"},
                {"fn_print_and_return", "{\"a\": 1, \"b\": 2}"}, {"fn_void", null}, {"fn_not_serializable", null},
                {"fn_raises", "{}"}, {"fn_missing", "{}"}}) {
            FunctionRequest fresh = FunctionRequest.newBuilder(lang, TestEngine.program(c[0], lang)).inputJson(c[1])
                    .build();
            FunctionRequest reusable = fresh.toBuilder().reusable(true).instanceScope(UUID.randomUUID().toString())
                    .build();
            FunctionResult expected = ENGINE.call(fresh).functionResult();
            for (int i = 0; i < 2; i++) {
                // the first reusable call loads the code, the second (when the first returned) reuses it
                FunctionResult actual = ENGINE.call(reusable).functionResult();
                String what = c[0] + " call " + (i + 1) + ": " + describe(actual);
                assertEquals(expected.outputStatus(), actual.outputStatus(), what);
                assertEquals(expected.outputJson(), actual.outputJson(), what);
                assertEquals(expected.execution().exitCode(), actual.execution().exitCode(), what);
                assertEquals(expected.execution().outcome().kind(), actual.execution().outcome().kind(), what);
                assertEquals(expected.execution().stdout(), actual.execution().stdout(), what);
                assertEquals(expected.execution().stderr(), actual.execution().stderr(), what);
            }
        }
    }

    @Test
    void theRecordKeepsTheReusableFlagButNotTheScope() {
        Language lang = languages().get(0);
        Execution ex = ENGINE.call(counterCall(lang).reusable(true).instanceScope("someone").build());
        Execution recorded = ENGINE.findExecution(ex.id()).orElseThrow();
        var details = (io.corral.api.ExecutionDetails.Function) recorded.details();
        assertTrue(details.request().reusable());
        assertNull(details.request().instanceScope());

        Tool tool = counterTool(lang, true);
        Execution toolRun = ENGINE.executeTool(tool.id(), ToolExecuteRequest.newBuilder().instanceScope("someone")
                .build());
        var toolDetails = (io.corral.api.ExecutionDetails.Tool) ENGINE.findExecution(toolRun.id()).orElseThrow()
                .details();
        assertNull(toolDetails.request().instanceScope());
        assertEquals(tool.revisionId(), toolDetails.request().revisionId());
    }

    @Test
    void javaScriptTimersLeftByACallNeverRunInTheNext() {
        for (Language lang : List.of(Language.JAVASCRIPT, Language.TYPESCRIPT)) {
            Tool tool = counterTool(lang, true);
            FunctionResult first = run(tool, ToolExecuteRequest.newBuilder().inputJson("{\"timer\": true}").build());
            // the second call's loop turns (it waits for a timer of its own): the first call's would be due first
            FunctionResult second = run(tool, ToolExecuteRequest.newBuilder().inputJson("{\"wait\": true}").build());
            assertEquals(1, count(first));
            assertEquals(2, count(second), describe(second));
            assertEquals("call 1\n", first.execution().stdout());
            assertEquals("call 2\n", second.execution().stdout(), "the first call's timer stayed behind");
        }
    }

    @Test
    void aPythonThreadStillRunningEndsTheInstance() {
        Tool tool = ENGINE.createTool(ToolSpec.newBuilder("threads-" + UUID.randomUUID(), Language.PYTHON, """
                import threading, time
                count = 0
                def execute(input):
                    global count
                    count += 1
                    if input.get("thread"):
                        threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
                    return {"count": count}
                """).warmInstances(true).build());
        assertEquals(1, count(run(tool)));
        assertEquals(2, count(run(tool, ToolExecuteRequest.newBuilder().inputJson("{\"thread\": true}").build())));
        assertEquals(1, count(run(tool)), "a context with a thread of the last call still running is not reused");
        assertEquals(2, count(run(tool)));
    }

    @Test
    void eachCallSeesOnlyItsOwnFiles() {
        String code = """
                import os
                count = 0
                def execute(input):
                    global count
                    count += 1
                    seen = sorted(os.listdir("/tmp")) + sorted(os.listdir("/mnt/req"))
                    with open("/tmp/call-%d" % count, "w") as f:
                        f.write("x")
                    return {"count": count, "seen": seen}
                """;
        String scope = UUID.randomUUID().toString();
        FunctionRequest first = FunctionRequest.newBuilder(Language.PYTHON, code).inputJson("{}").reusable(true)
                .instanceScope(scope).file("one.txt", "1").build();
        FunctionRequest second = first.toBuilder().files(List.of()).file("two.txt", "2").build();
        FunctionResult r1 = ENGINE.call(first).functionResult();
        FunctionResult r2 = ENGINE.call(second).functionResult();
        assertEquals(1, count(r1));
        assertEquals(2, count(r2), describe(r2));
        JsonNode seen = RizaJson.parseValue(r2.outputJson()).get("seen");
        assertEquals("[\"two.txt\"]", seen.toString(), "the first call's input file and /tmp are gone");
    }

    @Test
    void anInstanceEndsAfterItsMaximumUsesItsIdleTimeAndWhenOthersCrowdItOut() throws InterruptedException {
        try (ExecutionEngine engine = ExecutionEngine.newBuilder().languages(Language.JAVASCRIPT).warmContexts(0)
                .warmInstances(1).warmInstanceUses(2).warmInstanceIdle(Duration.ofSeconds(1)).build()) {
            Tool a = engine.createTool(ToolSpec.newBuilder("a", Language.JAVASCRIPT,
                    TestEngine.program("fn_counter", Language.JAVASCRIPT)).warmInstances(true).build());
            Tool b = engine.createTool(ToolSpec.newBuilder("b", Language.JAVASCRIPT,
                    TestEngine.program("fn_counter", Language.JAVASCRIPT)).warmInstances(true).build());
            ToolExecuteRequest empty = ToolExecuteRequest.newBuilder().inputJson("{}").build();
            java.util.function.Function<Tool, Integer> call =
                    t -> count(engine.executeTool(t.id(), empty).functionResult());

            assertEquals(List.of(1, 2, 1, 2), List.of(call.apply(a), call.apply(a), call.apply(a), call.apply(a)),
                    "two uses per instance");
            assertEquals(1, call.apply(a));
            assertEquals(1, call.apply(b), "one instance at most: b's takes the place of a's");
            assertEquals(1, call.apply(a));

            // the instance waits at most a second; the sweep then closes it
            long bound = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (engine.warmInstancesWaiting() > 0 && System.nanoTime() < bound) {
                Thread.sleep(50);
            }
            assertEquals(0, engine.warmInstancesWaiting());
            assertEquals(1, call.apply(a), "an instance idle for longer than its idle time is closed");
        }
    }

    @Test
    void theEngineBoundsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> ExecutionEngine.newBuilder().warmInstances(-1));
        assertThrows(IllegalArgumentException.class, () -> ExecutionEngine.newBuilder().warmInstanceUses(0));
        IllegalArgumentException idle = assertThrows(IllegalArgumentException.class,
                () -> ExecutionEngine.newBuilder().warmInstanceIdle(Duration.ofMillis(10)));
        assertTrue(idle.getMessage().contains("warmInstanceIdle"), idle.getMessage());
        assertThrows(IllegalStateException.class,
                () -> ExecutionEngine.newBuilder().warmInstances(1).warmInstances(2));
    }
}
