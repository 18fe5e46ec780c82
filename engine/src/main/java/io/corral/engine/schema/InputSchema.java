package io.corral.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.corral.api.RequestRejectedException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A tool's compiled {@code input_schema}. {@link #check} validates an input on the host, before
 * anything runs; pattern matching is bounded (see {@link InputSchemas}).
 *
 * <pre>{@code
 * InputSchema schema = InputSchemas.compile("{\"type\": \"object\", \"required\": [\"n\"]}");
 * schema.check("{}");   // RequestRejectedException: input: does not match input_schema: /: ...
 * }</pre>
 */
public final class InputSchema {

    /** Failures listed in one error message; the rest are counted. */
    static final int MAX_LISTED = 20;

    private final Schema schema;

    InputSchema(Schema schema) {
        this.schema = schema;
    }

    /**
     * Validates {@code inputJson} (null means the JSON {@code null}).
     *
     * @throws RequestRejectedException {@code INVALID_ARGUMENT} on field {@code input}, listing each
     *                                  failing path and its reason
     */
    public void check(String inputJson) {
        JsonNode input = BoundedJson.parse("input", inputJson == null ? "null" : inputJson);
        List<Error> errors;
        try {
            errors = schema.validate(input);
        } catch (BoundedRegex.BudgetExceeded e) {
            throw RequestRejectedException.invalid("input", "could not be checked: " + e.getMessage(),
                    "input that a schema pattern can decide within its matching budget");
        } catch (RuntimeException e) {
            if (e.getCause() instanceof BoundedRegex.BudgetExceeded b) {
                throw RequestRejectedException.invalid("input", "could not be checked: " + b.getMessage(),
                        "input that a schema pattern can decide within its matching budget");
            }
            throw e;
        }
        if (errors.isEmpty()) {
            return;
        }
        String listed = errors.stream().limit(MAX_LISTED).map(InputSchema::describe)
                .collect(Collectors.joining("; "));
        if (errors.size() > MAX_LISTED) {
            listed += "; and " + (errors.size() - MAX_LISTED) + " more";
        }
        throw RequestRejectedException.invalid("input", "does not match the tool's input_schema: " + listed,
                "input that matches input_schema");
    }

    private static String describe(Error e) {
        String path = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        if (path.isEmpty()) {
            path = "/";
        }
        String message = e.getMessage();
        return message.startsWith(path) ? message : path + ": " + message;
    }
}
