package io.corral.api;

import java.util.Objects;

/**
 * What to create a secret from: Riza's {@code POST /v1/secrets} body. {@link #toString()} never
 * shows the value, so a stray log line cannot leak it.
 *
 * <pre>{@code
 * Secret s = engine.createSecret(SecretSpec.of("api_key", "s3cr3t"));
 * }</pre>
 *
 * @since 0.1
 */
public final class SecretSpec {

    private final String name;
    private final String value;

    private SecretSpec(String name, String value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
    }

    public static SecretSpec of(String name, String value) {
        return new SecretSpec(name, value);
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretSpec s && name.equals(s.name) && value.equals(s.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value);
    }

    @Override
    public String toString() {
        return "SecretSpec{name=" + name + ", value=(hidden)}";
    }
}
