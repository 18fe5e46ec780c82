package io.corral.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.Execution;
import io.corral.api.FunctionRequest;
import io.corral.api.FunctionResult;
import io.corral.api.Language;
import io.corral.api.OutputStatus;
import io.corral.api.wire.RizaJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The function contract ({@code execute(input)}), one scenario over every language: language
 * specifics (async, big integers, how execute may be declared) are in each language's own tests.
 * Public so that language modules kept apart (PHP) can run it for their language too.
 */
public class FunctionContractTest {

    static List<Language> languages() {
        return TestEngine.languagesWith("fn_echo");
    }

    private static FunctionResult call(Language lang, String scenario, String inputJson) {
        Execution ex = TestEngine.shared().call(FunctionRequest.newBuilder(lang, TestEngine.program(scenario, lang))
                .inputJson(inputJson).build());
        assertEquals(io.corral.api.ExecutionType.FUNCTION, ex.type());
        assertEquals(ex.exitCode(), ex.functionResult().execution().exitCode());
        return ex.functionResult();
    }

    private static String describe(FunctionResult r) {
        return r.outputStatus() + " " + r.outputJson() + "\n--- stdout\n" + r.execution().stdout() + "\n--- stderr\n"
                + r.execution().stderr();
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void nestedJsonAndUnicodeRoundTrip(Language lang) {
        String input = "{\"a\":[1,2,{\"b\":\"ü 😀 ∑\"}],\"n\":null,\"t\":true,\"f\":1.5,\"s\":\"\"}";
        FunctionResult r = call(lang, "fn_echo", input);
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        JsonNode expected = RizaJson.parseValue(input);
        assertEquals(expected, RizaJson.parseValue(r.outputJson()), describe(r));
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void printsStayOnStdoutAndTheValueTravelsApart(Language lang) {
        FunctionResult r = call(lang, "fn_print_and_return", "{\"a\": 1, \"b\": 2}");
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("3", r.outputJson());
        assertEquals("noise\n", r.execution().stdout());
        assertEquals(0, r.execution().exitCode());
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void missingInputArrivesAsNullAndNoValueIsValidNull(Language lang) {
        FunctionResult r = call(lang, "fn_void", null);
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("null", r.outputJson());
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void aValueJsonCannotHoldIsASerializationError(Language lang) {
        FunctionResult r = call(lang, "fn_not_serializable", null);
        assertEquals(OutputStatus.JSON_SERIALIZATION_ERROR, r.outputStatus(), describe(r));
        assertEquals("null", r.outputJson());
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void anExceptionIsAnErrorWithTheMessageOnStderr(Language lang) {
        FunctionResult r = call(lang, "fn_raises", "{}");
        assertEquals(OutputStatus.ERROR, r.outputStatus(), describe(r));
        assertNotEquals(0, r.execution().exitCode(), describe(r));
        assertTrue(r.execution().stderr().contains("bad input"), describe(r));
        assertEquals("null", r.outputJson());
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void codeWithoutExecuteIsAnErrorSayingSo(Language lang) {
        FunctionResult r = call(lang, "fn_missing", "{}");
        assertEquals(OutputStatus.ERROR, r.outputStatus(), describe(r));
        assertNotEquals(0, r.execution().exitCode(), describe(r));
        assertTrue(r.execution().stderr().contains("execute"), describe(r));
    }
}
