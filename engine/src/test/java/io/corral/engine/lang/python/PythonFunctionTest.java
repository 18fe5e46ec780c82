package io.corral.engine.lang.python;

import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.Execution;
import io.corral.api.FunctionRequest;
import io.corral.api.FunctionResult;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.OutputStatus;
import io.corral.api.wire.RizaJson;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The function contract for Python: {@code def execute(input)} called once, its value on its own channel. */
class PythonFunctionTest {

    private static FunctionResult call(String code, String inputJson) {
        return call(FunctionRequest.newBuilder(Language.PYTHON, code).inputJson(inputJson).build());
    }

    private static FunctionResult call(FunctionRequest request) {
        Execution ex = TestEngine.shared().call(request);
        assertEquals(ex.exitCode(), ex.functionResult().execution().exitCode());
        return ex.functionResult();
    }

    private static JsonNode tree(String json) throws Exception {
        return RizaJson.mapper().readTree(json);
    }

    private static String describe(FunctionResult r) {
        return r.outputStatus() + " " + r.outputJson() + " exit=" + r.execution().exitCode()
                + "\n--- stdout\n" + r.execution().stdout() + "\n--- stderr\n" + r.execution().stderr();
    }

    @Test
    void nestedJsonWithUnicodeAndBigIntegersRoundTrips() throws Exception {
        String input = "{\"name\":\"Zoë 🚀 名前\",\"big\":123456789012345678901234567890,\"neg\":-98765432109876543210,"
                + "\"list\":[1,2.5,true,false,null,{\"deep\":[[[\"x\"]]]}],\"empty\":{}}";
        FunctionResult r = call("def execute(input): return input", input);
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals(tree(input), tree(r.outputJson()));
        assertTrue(r.outputJson().contains("123456789012345678901234567890"), r.outputJson());
    }

    @Test
    void inputArrivesAsNativePythonTypes() {
        FunctionResult r = call("def execute(input): return [type(v).__name__ for v in input]",
                "[{},[],\"s\",1,123456789012345678901234567890,1.5,true,null]");
        assertEquals("[\"dict\", \"list\", \"str\", \"int\", \"int\", \"float\", \"bool\", \"NoneType\"]", r.outputJson());
    }

    @Test
    void printedOutputStaysOnStdoutAndTheValueTravelsApart() {
        FunctionResult r = call(TestEngine.program("fn_print_and_return", Language.PYTHON), "{\"a\":1,\"b\":2}");
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("3", r.outputJson());
        assertEquals("noise\n", r.execution().stdout());
        assertEquals(0, r.execution().exitCode());
    }

    @Test
    void missingInputIsNoneAndNoReturnValueIsNull() {
        FunctionResult r = call("def execute(input): assert input is None", null);
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("null", r.outputJson());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "def execute(input): return {1, 2}",
            "def execute(input): import datetime; return datetime.datetime(2024, 1, 1)",
            "def execute(input): return object()",
            "def execute(input): return float('nan')",
            "def execute(input): return [float('inf')]",
            "def execute(input): a = []; a.append(a); return a",
            "def execute(input):\n a = []\n for _ in range(100000): a = [a]\n return a"})
    void valuesJsonCannotHoldAreSerializationErrors(String code) {
        FunctionResult r = call(code, null);
        assertEquals(OutputStatus.JSON_SERIALIZATION_ERROR, r.outputStatus(), describe(r));
        assertEquals("null", r.outputJson());
        assertEquals(0, r.execution().exitCode(), describe(r));
    }

    @Test
    void anExceptionInExecuteIsAnErrorWithItsTraceback() {
        FunctionResult r = call(TestEngine.program("fn_raises", Language.PYTHON), "1");
        assertEquals(OutputStatus.ERROR, r.outputStatus(), describe(r));
        assertEquals(1, r.execution().exitCode());
        assertTrue(r.execution().stderr().startsWith("Traceback (most recent call last):\n  File \"/code/main.py\", line 2, in execute\n"),
                describe(r));
        assertTrue(r.execution().stderr().endsWith("ValueError: bad input\n"), describe(r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x = 1", "execute = 5", "def run(input): return 1"})
    void codeWithoutACallableExecuteIsAnError(String code) {
        FunctionResult r = call(code, "1");
        assertEquals(OutputStatus.ERROR, r.outputStatus(), describe(r));
        assertNotEquals(0, r.execution().exitCode());
        assertTrue(r.execution().stderr().contains("execute"), describe(r));
    }

    @Test
    void asyncExecuteIsAwaited() {
        FunctionResult r = call(TestEngine.program("fn_async", Language.PYTHON), "21");
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("{\"doubled\": 42}", r.outputJson());
    }

    @Test
    void aResultThatLoopsWhileSerializedStopsAtTheTimeLimit() {
        String code = "class Forever(dict):\n"
                + "    def items(self):\n"
                + "        while True: pass\n"
                + "def execute(input): return Forever(a=1)";
        FunctionResult r = call(FunctionRequest.newBuilder(Language.PYTHON, code)
                .limits(Limits.newBuilder().executionTimeoutSeconds(1).build()).build());
        assertEquals(OutputStatus.ERROR, r.outputStatus(), describe(r));
        assertEquals(124, r.execution().exitCode(), describe(r));
    }
}
