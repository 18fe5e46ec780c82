package io.corral.api;

import java.util.Objects;

/**
 * What a function call produced: Riza's {@code FunctionResult}.
 *
 * @param execution    id, exit code, stdout, stderr and duration of the run
 * @param outputJson   the return value as JSON text; {@code "null"} when the function returned nothing
 *                     or the status is not {@link OutputStatus#VALID}
 * @param outputStatus how the value came back
 */
public record FunctionResult(ExecResult execution, String outputJson, OutputStatus outputStatus) {

    public FunctionResult {
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(outputStatus, "outputStatus");
        outputJson = outputJson == null ? "null" : outputJson;
    }
}
