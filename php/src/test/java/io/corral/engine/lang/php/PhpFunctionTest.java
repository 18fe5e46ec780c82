package io.corral.engine.lang.php;

import io.corral.api.FunctionRequest;
import io.corral.api.FunctionResult;
import io.corral.api.Language;
import io.corral.api.OutputStatus;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code function execute($input)}: the same contract as the other languages. */
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

    @Test
    void unencodableResultIsAJsonSerializationError() {
        FunctionResult f = call("php_function_not_serializable", "{}");
        assertEquals(OutputStatus.JSON_SERIALIZATION_ERROR, f.outputStatus(), f.execution().stderr());
        assertEquals("null", f.outputJson(), "no value when it cannot be encoded");
    }

    @Test
    void missingExecuteIsAnErrorSaidOnStderr() {
        FunctionResult f = call("php_function_missing", "{}");
        assertEquals(OutputStatus.ERROR, f.outputStatus());
        assertNotEquals(0, f.execution().exitCode());
        assertTrue(f.execution().stderr().contains("execute"), f.execution().stderr());
    }

    @Test
    void exceptionInExecuteIsAnErrorWithTheMessage() {
        FunctionResult f = call("php_function_throws", "{}");
        assertEquals(OutputStatus.ERROR, f.outputStatus());
        assertEquals(255, f.execution().exitCode());
        assertTrue(f.execution().stderr().contains("function failed"), f.execution().stderr());
    }

    @Test
    void noInputIsNull() {
        FunctionResult f = TestEngine.shared().call(FunctionRequest.newBuilder(Language.PHP,
                "<?php function execute($input) { return $input === null ? 'null' : 'set'; }").build()).functionResult();
        assertEquals(OutputStatus.VALID, f.outputStatus(), f.execution().stderr());
        assertEquals("\"null\"", f.outputJson());
    }
}
