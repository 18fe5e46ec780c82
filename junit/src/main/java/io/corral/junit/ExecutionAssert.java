package io.corral.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.ExecutionType;
import io.corral.api.FunctionResult;
import io.corral.api.Outcome;
import io.corral.api.OutputStatus;
import org.opentest4j.AssertionFailedError;

import java.util.Objects;

/**
 * Fluent assertions on one {@link Execution}. Every failure message shows what the guest printed
 * (stdout, stderr) and what the host noted, so a failing tool explains itself.
 *
 * @since 0.1
 */
public final class ExecutionAssert {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Execution execution;

    ExecutionAssert(Execution execution) {
        this.execution = Objects.requireNonNull(execution, "execution");
    }

    /** The run ended cleanly and, for a function, returned a value that could be serialized. */
    public ExecutionAssert succeeded() {
        if (!execution.succeeded()) {
            throw fail("expected the run to succeed, but it ended " + describeEnding(), "succeeded", describeEnding());
        }
        return this;
    }

    /** The run ended this way. */
    public ExecutionAssert hasOutcome(Outcome.Kind kind) {
        Outcome.Kind actual = execution.outcome().kind();
        if (actual != kind) {
            throw fail("expected the run to end " + kind.wireName() + ", but it ended " + describeEnding(),
                    kind.wireName(), actual.wireName());
        }
        return this;
    }

    /** The run's exit code ({@code exit_code}) is {@code status}. */
    public ExecutionAssert exitedWith(int status) {
        if (execution.exitCode() != status) {
            throw fail("expected exit code " + status + ", got " + execution.exitCode(), status, execution.exitCode());
        }
        return this;
    }

    /** The guest's stdout is exactly {@code expected}. */
    public ExecutionAssert hasStdout(String expected) {
        String actual = result().stdout();
        if (!actual.equals(expected)) {
            throw fail("stdout differs", expected, actual);
        }
        return this;
    }

    public ExecutionAssert stdoutContains(String part) {
        if (!result().stdout().contains(part)) {
            throw fail("expected stdout to contain '" + part + "'", part, result().stdout());
        }
        return this;
    }

    /** The guest's own stderr (its error reports) contains {@code part}. */
    public ExecutionAssert stderrContains(String part) {
        if (!result().stderr().contains(part)) {
            throw fail("expected stderr to contain '" + part + "'", part, result().stderr());
        }
        return this;
    }

    /** A function's value came back with this status. */
    public ExecutionAssert hasOutputStatus(OutputStatus status) {
        OutputStatus actual = function().outputStatus();
        if (actual != status) {
            throw fail("expected output_status " + status.wireName() + ", got " + actual.wireName(), status.wireName(),
                    actual.wireName());
        }
        return this;
    }

    /** JSON has one number type: 3 and 3.0 are the same value (Python and JavaScript write them differently). */
    private static final java.util.Comparator<JsonNode> SAME_JSON = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    /**
     * A function returned this JSON value, compared as JSON: key order and spacing do not matter,
     * and numbers compare by value ({@code 3} equals {@code 3.0}).
     */
    public ExecutionAssert hasOutputJson(String expectedJson) {
        FunctionResult f = function();
        JsonNode expected = parse(expectedJson, "the expected value");
        JsonNode actual = parse(f.outputJson(), "the function's output");
        if (f.outputStatus() != OutputStatus.VALID || !expected.equals(SAME_JSON, actual)) {
            throw fail("expected the function to return " + expected + ", but it returned " + actual + " ("
                    + f.outputStatus().wireName() + ")", expected.toString(), actual.toString());
        }
        return this;
    }

    /** A function returned this value, written as JSON by Jackson ({@code Map.of("sum", 5)}, 5, "text"…). */
    public ExecutionAssert hasOutput(Object expected) {
        try {
            return hasOutputJson(JSON.writeValueAsString(expected));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the expected value cannot be written as JSON", e);
        }
    }

    /** The run sent this many HTTP requests out (through Corral's gateway; redirect hops count). */
    public ExecutionAssert madeHttpRequests(int count) {
        if (execution.http().requests() != count) {
            throw fail("expected " + count + " outbound HTTP request(s), the run made " + execution.http().requests()
                    + " (" + execution.http().refusals() + " refused)", count, execution.http().requests());
        }
        return this;
    }

    /** The execution itself, for checks of your own. */
    public Execution execution() {
        return execution;
    }

    private ExecResult result() {
        return execution.type() == ExecutionType.SCRIPT ? execution.scriptResult() : execution.functionResult().execution();
    }

    private FunctionResult function() {
        if (execution.type() == ExecutionType.SCRIPT) {
            throw new AssertionFailedError("this was a script run, not a function call: it has no output value"
                    + context());
        }
        return execution.functionResult();
    }

    private String describeEnding() {
        Outcome o = execution.outcome();
        String value = execution.type() == ExecutionType.SCRIPT ? ""
                : ", output_status " + execution.functionResult().outputStatus().wireName();
        return o.kind().wireName() + " with exit code " + o.exitStatus() + value;
    }

    private AssertionFailedError fail(String message, Object expected, Object actual) {
        return new AssertionFailedError(message + context(), expected, actual);
    }

    private String context() {
        ExecResult r = result();
        StringBuilder sb = new StringBuilder("\n--- ").append(execution.language().wireName()).append(' ')
                .append(execution.type().wireName()).append(' ').append(execution.id()).append(", ")
                .append(describeEnding()).append('\n');
        sb.append("--- stdout\n").append(abbreviate(r.stdout()));
        sb.append("--- stderr\n").append(abbreviate(r.stderr()));
        if (!execution.notices().isEmpty()) {
            sb.append("--- corral\n");
            execution.notices().forEach(n -> sb.append(n).append('\n'));
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        String t = s.length() <= 4000 ? s : s.substring(0, 4000) + "\n... (" + s.length() + " chars)";
        return t.isEmpty() || t.endsWith("\n") ? t : t + "\n";
    }

    private static JsonNode parse(String json, String what) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + json, e);
        }
    }
}
