package io.corral.engine.lang.ruby;

import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.Execution;
import io.corral.api.FunctionRequest;
import io.corral.api.FunctionResult;
import io.corral.api.Language;
import io.corral.api.OutputStatus;
import io.corral.api.wire.RizaJson;
import io.corral.engine.TestEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The function contract for Ruby, {@code def execute(input)}, in both modes: in a worker process (the
 * shared engine, Ruby's default) values go through the guest's own JSON; in-process they are converted
 * on the host ({@code RubyValues}). Where the two differ: {@code RubyWorkerTest}, and the in-process
 * test here.
 */
class RubyFunctionTest {

    private static FunctionResult call(RubyMode mode, String code, String inputJson) {
        Execution ex = mode.engine().call(FunctionRequest.newBuilder(Language.RUBY, code).inputJson(inputJson).build());
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

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void hashInHashOut(RubyMode mode) {
        FunctionResult r = call(mode, "def execute(input); { \"n\" => input[\"n\"] + 1 }; end", "{\"n\":1}");
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("{\"n\":2}", r.outputJson());
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void nestedJsonWithUnicodeAndBigIntegersRoundTrips(RubyMode mode) throws Exception {
        String input = "{\"name\":\"Zoë 🚀 名前\",\"big\":123456789012345678901234567890,\"neg\":-98765432109876543210,"
                + "\"list\":[1,2.5,true,false,null,{\"deep\":[[[\"x\"]]]}],\"empty\":{},\"none\":[]}";
        FunctionResult r = call(mode, "def execute(input) = input", input);
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals(tree(input), tree(r.outputJson()));
        assertTrue(r.outputJson().contains("123456789012345678901234567890"), r.outputJson());
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void inputArrivesAsNativeRubyValues(RubyMode mode) {
        FunctionResult r = call(mode, "def execute(input) = input.map { |v| v.class.name } + [input[0].key?(\"k\"), input[2].encoding.name]",
                "[{\"k\":1},[],\"s\",1,123456789012345678901234567890,1.5,true,null]");
        assertEquals("[\"Hash\",\"Array\",\"String\",\"Integer\",\"Integer\",\"Float\",\"TrueClass\",\"NilClass\",true,\"UTF-8\"]",
                r.outputJson(), describe(r));
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void resultsFollowRubysJsonRulesForSymbolsFloatsAndBigIntegers(RubyMode mode) {
        FunctionResult r = call(mode, "def execute(input) = { status: :ok, 1 => 2.0, big: 2**100, list: [nil, false] }", null);
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("{\"status\":\"ok\",\"1\":2.0,\"big\":1267650600228229401496703205376,\"list\":[null,false]}",
                r.outputJson());
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void printedOutputStaysOnStdoutAndTheValueTravelsApart(RubyMode mode) {
        FunctionResult r = call(mode, TestEngine.program("fn_print_and_return", Language.RUBY), "{\"a\":1,\"b\":2}");
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("3", r.outputJson());
        assertEquals("noise\n", r.execution().stdout());
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void missingInputIsNilAndNilIsNull(RubyMode mode) {
        FunctionResult r = call(mode, "def execute(input); raise 'not nil' unless input.nil?; nil; end", null);
        assertEquals(OutputStatus.VALID, r.outputStatus(), describe(r));
        assertEquals("null", r.outputJson());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "def execute(input) = [Float::NAN]",
            "def execute(input) = { a: Float::INFINITY }",
            "def execute(input); a = []; a << a; a; end",
            "def execute(input); a = []; 100_000.times { a = [a] }; a; end"})
    void valuesJsonCannotHoldAreSerializationErrors(String code) {
        for (RubyMode mode : RubyMode.values()) {
            FunctionResult r = call(mode, code, null);
            assertEquals(OutputStatus.JSON_SERIALIZATION_ERROR, r.outputStatus(), mode + ": " + describe(r));
            assertEquals("null", r.outputJson());
            assertEquals(0, r.execution().exitCode(), describe(r));
        }
    }

    /**
     * In-process the host converts the result and refuses objects JSON has no type for; in a worker
     * the guest's own JSON writes them as their to_s, as CRuby does ({@code RubyWorkerTest}).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "require 'set'; def execute(input) = Set[1]",
            "def execute(input) = Object.new",
            "def execute(input) = Time.now",
            "def execute(input) = { Object.new => 1 }"})
    void inProcessObjectsJsonHasNoTypeForAreSerializationErrors(String code) {
        FunctionResult r = call(RubyMode.IN_PROCESS, code, null);
        assertEquals(OutputStatus.JSON_SERIALIZATION_ERROR, r.outputStatus(), describe(r));
        assertEquals("null", r.outputJson());
        assertEquals(0, r.execution().exitCode(), describe(r));
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void anErrorInExecuteIsAnErrorReportedAsCRubyDoes(RubyMode mode) {
        FunctionResult r = call(mode, TestEngine.program("fn_raises", Language.RUBY), "1");
        assertEquals(OutputStatus.ERROR, r.outputStatus(), describe(r));
        assertEquals(1, r.execution().exitCode());
        assertEquals("/code/main.rb:2:in `execute': bad input (ArgumentError)\n", r.execution().stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x = 1", "def run(input) = 1"})
    void codeWithoutExecuteIsAnError(String code) {
        for (RubyMode mode : RubyMode.values()) {
            FunctionResult r = call(mode, code, "1");
            assertEquals(OutputStatus.ERROR, r.outputStatus(), mode + ": " + describe(r));
            assertNotEquals(0, r.execution().exitCode());
            assertTrue(r.execution().stderr().contains("execute"), describe(r));
        }
    }
}
