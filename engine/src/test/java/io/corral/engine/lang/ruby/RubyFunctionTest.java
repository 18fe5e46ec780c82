package io.corral.engine.lang.ruby;

import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.Execution;
import io.corral.api.FunctionRequest;
import io.corral.api.FunctionResult;
import io.corral.api.Language;
import io.corral.api.OutputStatus;
import io.corral.api.wire.RizaJson;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The function contract for in-process Ruby: {@code def execute(input)}, values converted on the host. */
class RubyFunctionTest {

    private static FunctionResult call(String code, String inputJson) {
        Execution ex = TestEngine.shared().call(FunctionRequest.newBuilder(Language.RUBY, code).inputJson(inputJson).build());
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
    void hashInHashOut() {
        FunctionResult r = call("def execute(input); { \"n\" => input[\"n\"] + 1 }; end", "{\"n\":1}");
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("{\"n\":2}", r.outputJson());
    }

    @Test
    void nestedJsonWithUnicodeAndBigIntegersRoundTrips() throws Exception {
        String input = "{\"name\":\"Zoë 🚀 名前\",\"big\":123456789012345678901234567890,\"neg\":-98765432109876543210,"
                + "\"list\":[1,2.5,true,false,null,{\"deep\":[[[\"x\"]]]}],\"empty\":{},\"none\":[]}";
        FunctionResult r = call("def execute(input) = input", input);
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals(tree(input), tree(r.outputJson()));
        assertTrue(r.outputJson().contains("123456789012345678901234567890"), r.outputJson());
    }

    @Test
    void inputArrivesAsNativeRubyValues() {
        FunctionResult r = call("def execute(input) = input.map { |v| v.class.name } + [input[0].key?(\"k\"), input[2].encoding.name]",
                "[{\"k\":1},[],\"s\",1,123456789012345678901234567890,1.5,true,null]");
        assertEquals("[\"Hash\",\"Array\",\"String\",\"Integer\",\"Integer\",\"Float\",\"TrueClass\",\"NilClass\",true,\"UTF-8\"]",
                r.outputJson(), describe(r));
    }

    @Test
    void resultsFollowRubysJsonRulesForSymbolsFloatsAndBigIntegers() {
        FunctionResult r = call("def execute(input) = { status: :ok, 1 => 2.0, big: 2**100, list: [nil, false] }", null);
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("{\"status\":\"ok\",\"1\":2.0,\"big\":1267650600228229401496703205376,\"list\":[null,false]}",
                r.outputJson());
    }

    @Test
    void printedOutputStaysOnStdoutAndTheValueTravelsApart() {
        FunctionResult r = call(TestEngine.program("fn_print_and_return", Language.RUBY), "{\"a\":1,\"b\":2}");
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("3", r.outputJson());
        assertEquals("noise\n", r.execution().stdout());
    }

    @Test
    void missingInputIsNilAndNilIsNull() {
        FunctionResult r = call("def execute(input); raise 'not nil' unless input.nil?; nil; end", null);
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("null", r.outputJson());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "require 'set'; def execute(input) = Set[1]",
            "def execute(input) = Object.new",
            "def execute(input) = Time.now",
            "def execute(input) = [Float::NAN]",
            "def execute(input) = { a: Float::INFINITY }",
            "def execute(input); a = []; a << a; a; end",
            "def execute(input); a = []; 100_000.times { a = [a] }; a; end",
            "def execute(input) = { Object.new => 1 }"})
    void valuesJsonCannotHoldAreSerializationErrors(String code) {
        FunctionResult r = call(code, null);
        assertEquals(OutputStatus.JSON_SERIALIZATION_ERROR, r.outputStatus(), describe(r));
        assertEquals("null", r.outputJson());
        assertEquals(0, r.execution().exitCode(), describe(r));
    }

    @Test
    void anErrorInExecuteIsAnErrorReportedAsCRubyDoes() {
        FunctionResult r = call(TestEngine.program("fn_raises", Language.RUBY), "1");
        assertEquals(OutputStatus.ERROR, r.outputStatus(), describe(r));
        assertEquals(1, r.execution().exitCode());
        assertEquals("/code/main.rb:2:in `execute': bad input (ArgumentError)\n", r.execution().stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x = 1", "def run(input) = 1"})
    void codeWithoutExecuteIsAnError(String code) {
        FunctionResult r = call(code, "1");
        assertEquals(OutputStatus.ERROR, r.outputStatus(), describe(r));
        assertNotEquals(0, r.execution().exitCode());
        assertTrue(r.execution().stderr().contains("execute"), describe(r));
    }
}
