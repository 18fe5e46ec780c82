package com.example.tools;

import io.corral.api.Execution;
import io.corral.api.Language;
import io.corral.engine.ExecutionEngine;
import io.corral.junit.CorralTest;
import io.corral.junit.ToolCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static io.corral.junit.CorralAssertions.assertThat;

/**
 * Tests the "average" tool exactly as Corral runs it: the same engine, sandbox and function
 * contract ({@code execute(input)} returns a JSON value) as in production.
 */
@CorralTest(languages = {Language.PYTHON, Language.JAVASCRIPT})
class AverageToolTest {

    /** {@code -Dexample.broken=true} swaps in a tool with a bug, to show what a failure looks like. */
    private static ToolCode averageTool(Language language) {
        String dir = Boolean.getBoolean("example.broken") && language == Language.PYTHON ? "tools/broken/" : "tools/";
        return ToolCode.fromResource(dir + "average", language);
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"PYTHON", "JAVASCRIPT"})
    void averagesTheValues(Language language, ExecutionEngine engine) {
        Execution run = averageTool(language).call(engine, Map.of("values", List.of(1, 2, 3, 6)));
        assertThat(run).succeeded().hasOutputJson("{\"count\": 4, \"average\": 3}");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"PYTHON", "JAVASCRIPT"})
    void anEmptyListHasNoAverage(Language language, ExecutionEngine engine) {
        Execution run = averageTool(language).call(engine, Map.of("values", List.of()));
        assertThat(run).succeeded().hasOutputJson("{\"count\": 0, \"average\": null}");
    }

    @Test
    void aMissingFieldIsTheToolsOwnError(ExecutionEngine engine) {
        Execution run = averageTool(Language.PYTHON).call(engine, Map.of("numbers", List.of(1)));
        assertThat(run).hasOutcome(io.corral.api.Outcome.Kind.GUEST_ERROR).stderrContains("KeyError: 'values'");
    }
}
