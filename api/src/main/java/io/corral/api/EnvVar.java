package io.corral.api;

import java.util.Objects;

/**
 * One environment variable of a tool run: a literal value, or a reference to a {@link Secret}
 * whose value the engine fills in on the host at run time. Riza's {@code {name, value?, secret_id?}}.
 * {@link #toString()} never shows a value.
 *
 * <pre>{@code
 * EnvVar.literal("MODE", "fast");
 * EnvVar.fromSecret("TOKEN", secret.id());   // the value never appears in any record
 * }</pre>
 *
 * @since 0.1
 */
public final class EnvVar {

    private final String name;
    private final String value;
    private final String secretId;

    private EnvVar(String name, String value, String secretId) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = value;
        this.secretId = secretId;
    }

    public static EnvVar literal(String name, String value) {
        return new EnvVar(name, Objects.requireNonNull(value, "value"), null);
    }

    public static EnvVar fromSecret(String name, String secretId) {
        return new EnvVar(name, null, Objects.requireNonNull(secretId, "secretId"));
    }

    /**
     * Riza's wire form, where both may be missing: a variable with neither {@code value} nor
     * {@code secret_id} is set to the empty string.
     */
    public static EnvVar of(String name, String value, String secretId) {
        return new EnvVar(name, value, secretId);
    }

    public String name() {
        return name;
    }

    /** The literal value, or null when {@link #secretId()} is set. */
    public String value() {
        return value;
    }

    /** The id of a stored secret, or null when {@link #value()} is set. */
    public String secretId() {
        return secretId;
    }

    public boolean isSecret() {
        return secretId != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvVar e && name.equals(e.name) && Objects.equals(value, e.value)
                && Objects.equals(secretId, e.secretId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value, secretId);
    }

    @Override
    public String toString() {
        return "EnvVar{" + name + (secretId != null ? ", secret " + secretId : value != null ? ", (value hidden)" : "")
                + "}";
    }
}
