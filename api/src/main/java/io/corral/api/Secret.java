package io.corral.api;

import java.util.Objects;

/**
 * A stored secret: Riza's {@code Secret}. Its value is given once, at creation, and never returned;
 * a tool run reads it through an {@link EnvVar#fromSecret env var that references it}.
 *
 * <pre>{@code
 * Secret s = engine.createSecret("github_token", "ghp_...");
 * ToolExecuteRequest.newBuilder().env(EnvVar.fromSecret("TOKEN", s.id())).build();
 * }</pre>
 *
 * @param id   a ULID
 * @param name a label; names need not be unique (the id is the handle)
 */
public record Secret(String id, String name) {

    public Secret {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
