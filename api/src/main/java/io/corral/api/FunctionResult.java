package io.corral.api;

import java.util.Objects;

/**
 * What a function call produced: Riza's {@code FunctionResult}.
 *
 * <pre>{@code
 * FunctionResult r = engine.call(request).functionResult();
 * if (r.succeeded()) {
 *     JsonNode value = RizaJson.parseValue(r.outputJson());
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class FunctionResult {

    private final ExecResult execution;
    private final String outputJson;
    private final OutputStatus outputStatus;

    private FunctionResult(ExecResult execution, String outputJson, OutputStatus outputStatus) {
        this.execution = Objects.requireNonNull(execution, "execution");
        this.outputStatus = Objects.requireNonNull(outputStatus, "outputStatus");
        this.outputJson = outputJson == null ? "null" : outputJson;
    }

    /**
     * @param outputJson the return value as JSON text; null (written {@code "null"}) when the function
     *                   returned nothing or the status is not {@link OutputStatus#VALID}
     */
    public static FunctionResult of(ExecResult execution, String outputJson, OutputStatus outputStatus) {
        return new FunctionResult(execution, outputJson, outputStatus);
    }

    /** Id, outcome, stdout, stderr and duration of the run. */
    public ExecResult execution() {
        return execution;
    }

    /** The return value as JSON text; {@code "null"} when there is none. */
    public String outputJson() {
        return outputJson;
    }

    /** How the value came back. */
    public OutputStatus outputStatus() {
        return outputStatus;
    }

    /** The function returned a value that could be serialized, and the run ended cleanly. */
    public boolean succeeded() {
        return outputStatus == OutputStatus.VALID && execution.succeeded();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionResult r && execution.equals(r.execution) && outputJson.equals(r.outputJson)
                && outputStatus == r.outputStatus;
    }

    @Override
    public int hashCode() {
        return Objects.hash(execution, outputJson, outputStatus);
    }

    @Override
    public String toString() {
        return "FunctionResult{" + outputStatus.wireName() + ", output=" + abbreviate(outputJson) + ", " + execution + "}";
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "... (" + s.length() + " chars)";
    }
}
