package io.corral.api;

import java.util.Objects;

/**
 * What a function call produced: Riza's {@code FunctionResult}.
 *
 * <pre>{@code
 * FunctionResult r = engine.call(request).functionResult();
 * if (r.outputStatus() == OutputStatus.VALID) {
 *     JsonNode value = RizaJson.parseValue(r.outputJson());
 * }
 * }</pre>
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
