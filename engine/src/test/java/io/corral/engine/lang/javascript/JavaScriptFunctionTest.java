package io.corral.engine.lang.javascript;

import io.corral.api.Execution;
import io.corral.api.FunctionRequest;
import io.corral.api.FunctionResult;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.OutputStatus;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The function contract for JavaScript: {@code execute(input)} in, JSON out on its own channel. */
class JavaScriptFunctionTest {

    private static FunctionResult call(String scenario, String inputJson) {
        return call(FunctionRequest.newBuilder(Language.JAVASCRIPT, TestEngine.program(scenario, Language.JAVASCRIPT))
                .inputJson(inputJson));
    }

    private static FunctionResult call(FunctionRequest.Builder request) {
        Execution ex = TestEngine.shared().call(request.build());
        return ex.functionResult();
    }

    private static String describe(FunctionResult r) {
        return r.outputStatus() + " " + r.outputJson() + " exit=" + r.execution().exitCode()
                + "\n--- stdout\n" + r.execution().stdout() + "\n--- stderr\n" + r.execution().stderr();
    }

    @Test
    void nestedJsonAndUnicodeRoundTripWhilePrintsStayOnStdout() {
        FunctionResult r = call("js_fn_echo", "{\"a\":[1,2.5,{\"b\":null,\"c\":true}],\"s\":\"日本語 ✓ 🎉\"}");
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("{\"echoed\":{\"a\":[1,2.5,{\"b\":null,\"c\":true}],\"s\":\"日本語 ✓ 🎉\"},"
                + "\"greeting\":\"héllo wörld ✓ 🎉\"}", r.outputJson());
        assertEquals("called with object\n", r.execution().stdout());
        assertEquals(0, r.execution().exitCode());
    }

    @Test
    void missingInputArrivesAsNull() {
        FunctionResult r = call("js_fn_echo", null);
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertTrue(r.outputJson().startsWith("{\"echoed\":null,"), describe(r));
    }

    @Test
    void bigIntegersInTheInputFollowJsonParse() {
        FunctionResult r = call("js_fn_echo", "12345678901234567890");
        assertTrue(r.outputJson().startsWith("{\"echoed\":12345678901234567000,"), describe(r));
    }

    @Test
    void asyncExecuteIsAwaitedWithTimersRunning() {
        FunctionResult r = call("js_fn_async", "{\"n\":21}");
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("{\"doubled\":42}", r.outputJson());
    }

    @Test
    void exportFunctionInAModuleWithTopLevelAwaitIsFound() {
        FunctionResult r = call("js_fn_export", "{\"n\":2}");
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("42", r.outputJson());
    }

    @Test
    void moduleExportsExecuteIsFound() {
        FunctionResult r = call("js_fn_module_exports", "{\"n\":5}");
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("[5,\"via module.exports\"]", r.outputJson());
    }

    @Test
    void topLevelConstArrowExecuteIsFound() {
        FunctionResult r = call("js_fn_const", "\"x\"");
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("{\"arrow\":\"x\"}", r.outputJson());
    }

    @Test
    void noReturnValueIsValidNull() {
        FunctionResult r = call("js_fn_undefined", null);
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("null", r.outputJson());
        assertEquals("side effect only\n", r.execution().stdout());
    }

    @Test
    void toJsonIsHonoured() {
        FunctionResult r = call("js_fn_tojson", null);
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("{\"when\":\"1970-01-01T00:00:00.000Z\",\"custom\":\"custom!\"}", r.outputJson());
    }

    @ParameterizedTest
    @ValueSource(strings = {"js_fn_bigint", "js_fn_cycle", "js_fn_nan", "js_fn_deep"})
    void unserializableResultsAreJsonSerializationErrors(String scenario) {
        FunctionResult r = call(scenario, null);
        assertEquals(OutputStatus.JSON_SERIALIZATION_ERROR, r.outputStatus(), describe(r));
        assertEquals("null", r.outputJson());
        assertEquals(0, r.execution().exitCode(), describe(r));
        assertTrue(r.execution().stderr().contains("not JSON-serializable"), describe(r));
    }

    @Test
    void missingExecuteIsAnError() {
        FunctionResult r = call("js_fn_missing", null);
        assertEquals(OutputStatus.ERROR, r.outputStatus(), describe(r));
        assertNotEquals(0, r.execution().exitCode());
        assertTrue(r.execution().stderr().contains("execute is not defined"), describe(r));
    }

    @Test
    void executeThatIsNotAFunctionIsAnError() {
        FunctionResult r = call(FunctionRequest.newBuilder(Language.JAVASCRIPT, "var execute = 42;"));
        assertEquals(OutputStatus.ERROR, r.outputStatus(), describe(r));
        assertTrue(r.execution().stderr().contains("execute is not a function"), describe(r));
    }

    @Test
    void throwingExecuteIsAnErrorWithItsStackOnStderr() {
        FunctionResult r = call("js_fn_throws", "{\"n\":7}");
        assertEquals(OutputStatus.ERROR, r.outputStatus(), describe(r));
        assertEquals(1, r.execution().exitCode());
        assertEquals("TypeError: bad input 7\n    at check (/code/main.js:2:9)\n    at execute (/code/main.js:5:10)\n",
                r.execution().stderr());
    }

    @Test
    void rejectedAsyncExecuteIsAnError() {
        FunctionResult r = call("js_fn_rejects", null);
        assertEquals(OutputStatus.ERROR, r.outputStatus(), describe(r));
        assertEquals(1, r.execution().exitCode());
        assertTrue(r.execution().stderr().startsWith("Error: async failure\n    at execute (/code/main.js:3:9)"),
                describe(r));
    }

    @Test
    void toJsonThatLoopsForeverIsStoppedByTheTimeLimit() {
        FunctionResult r = call(FunctionRequest.newBuilder(Language.JAVASCRIPT,
                        TestEngine.program("js_fn_tojson_loop", Language.JAVASCRIPT))
                .limits(Limits.newBuilder().executionTimeout(Duration.ofMillis(1500)).build()));
        assertEquals(OutputStatus.ERROR, r.outputStatus(), describe(r));
        assertEquals(124, r.execution().exitCode(), describe(r));
    }
}
