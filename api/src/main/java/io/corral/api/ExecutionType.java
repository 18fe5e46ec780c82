package io.corral.api;

/**
 * What kind of run an {@link Execution} records; the wire value is {@code details.type}.
 *
 * <pre>{@code
 * execution.type() == ExecutionType.FUNCTION;   // "function" on the wire
 * }</pre>
 *
 * @since 0.1
 */
public enum ExecutionType {
    SCRIPT("script"),
    FUNCTION("function"),
    TOOL("tool");

    private final String wireName;

    ExecutionType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
