package io.corral.api;

/**
 * How a function's return value came back: Riza's {@code output_status}.
 *
 * <pre>{@code
 * OutputStatus.JSON_SERIALIZATION_ERROR.wireName();   // "json_serialization_error"
 * }</pre>
 *
 * @since 0.1
 */
public enum OutputStatus {
    /** Returned a JSON-serializable value, or nothing ({@code output: null}). */
    VALID("valid"),
    /** Returned, but the value cannot be serialized as JSON (a set, a BigInt, a cycle, NaN, …). */
    JSON_SERIALIZATION_ERROR("json_serialization_error"),
    /** Did not return: {@code execute} is missing, raised, or the run was stopped. */
    ERROR("error");

    private final String wireName;

    OutputStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
