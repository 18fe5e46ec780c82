package io.corral.api;

import java.util.Objects;

/**
 * One environment variable of a tool run: a literal value, or a reference to a {@link Secret}
 * whose value the engine fills in on the host at run time. Riza's {@code {name, value?, secret_id?}}.
 *
 * <pre>{@code
 * EnvVar.literal("MODE", "fast");
 * EnvVar.fromSecret("TOKEN", secret.id());   // the value never appears in any record
 * }</pre>
 *
 * @param value    the literal value, or null when {@code secretId} is set
 * @param secretId the id of a stored secret, or null when {@code value} is set
 */
public record EnvVar(String name, String value, String secretId) {

    public EnvVar {
        Objects.requireNonNull(name, "name");
    }

    public static EnvVar literal(String name, String value) {
        return new EnvVar(name, Objects.requireNonNull(value, "value"), null);
    }

    public static EnvVar fromSecret(String name, String secretId) {
        return new EnvVar(name, null, Objects.requireNonNull(secretId, "secretId"));
    }

    public boolean isSecret() {
        return secretId != null;
    }
}
