package io.corral.engine.lang.php;

import io.corral.api.FunctionRequest;
import io.corral.api.FunctionResult;
import io.corral.api.Language;
import io.corral.api.OutputStatus;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What only PHP has in functions: the input arrives as associative arrays, not objects. The contract
 * every language shares runs for PHP through the engine's suite ({@link PhpFunctionContractTest}).
 */
class PhpFunctionTest {

    private static FunctionResult call(String scenario, String inputJson) {
        return TestEngine.shared().call(FunctionRequest.newBuilder(Language.PHP,
                TestEngine.program(scenario, Language.PHP)).inputJson(inputJson).build()).functionResult();
    }

    @Test
    void executeReceivesTheInputAsArraysAndItsResultIsJson() {
        FunctionResult f = call("php_function_increment", "{\"n\":1}");
        assertEquals(OutputStatus.VALID, f.outputStatus(), f.execution().stderr());
        assertEquals("{\"n\":2}", f.outputJson());
        assertEquals("called\n", f.execution().stdout(), "prints stay on stdout");
        assertEquals(0, f.execution().exitCode());
    }

    /** PHP has no warm instances: a reusable call, or a tool that opted in, runs fresh every time. */
    @Test
    void reusableCallsRunInAFreshContextEachTime() {
        FunctionRequest reusable = FunctionRequest.newBuilder(Language.PHP,
                TestEngine.program("fn_counter", Language.PHP)).inputJson("{}").reusable(true).build();
        for (int call = 0; call < 2; call++) {
            FunctionResult f = TestEngine.shared().call(reusable).functionResult();
            assertEquals(OutputStatus.VALID, f.outputStatus(), f.execution().stderr());
            assertEquals(1, io.corral.api.wire.RizaJson.parseValue(f.outputJson()).get("count").asInt());
            assertEquals("call 1\n", f.execution().stdout());
        }
    }
}
