package io.corral.api;

import java.util.Objects;

/**
 * A stored secret: Riza's {@code Secret}. Its value is given once, at creation, and never returned;
 * a tool run reads it through an {@link EnvVar#fromSecret env var that references it}.
 *
 * <pre>{@code
 * Secret s = engine.createSecret(SecretSpec.of("github_token", "ghp_..."));
 * ToolExecuteRequest.newBuilder().env(EnvVar.fromSecret("TOKEN", s.id())).build();
 * }</pre>
 *
 * @since 0.1
 */
public final class Secret {

    private final String id;
    private final String name;

    private Secret(String id, String name) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
    }

    public static Secret of(String id, String name) {
        return new Secret(id, name);
    }

    /** A ULID. */
    public String id() {
        return id;
    }

    /** A label; names need not be unique (the id is the handle). */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && id.equals(s.id) && name.equals(s.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name);
    }

    @Override
    public String toString() {
        return "Secret{" + id + ", " + name + "}";
    }
}
