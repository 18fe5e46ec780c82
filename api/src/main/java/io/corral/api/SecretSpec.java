package io.corral.api;

import java.util.Objects;

/**
 * What to create a secret from: Riza's {@code POST /v1/secrets} body. {@link #toString()} never
 * shows the value, so a stray log line cannot leak it.
 *
 * <pre>{@code
 * Secret s = engine.createSecret(new SecretSpec("api_key", "s3cr3t"));
 * }</pre>
 */
public record SecretSpec(String name, String value) {

    public SecretSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "SecretSpec[name=" + name + ", value=(hidden)]";
    }
}
