package io.corral.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A tool run: Riza's {@code POST /v1/tools/{id}/execute} body. The input is checked against the
 * tool's {@code input_schema} before anything runs.
 *
 * <pre>{@code
 * Execution ex = engine.executeTool(tool.id(), ToolExecuteRequest.newBuilder()
 *         .inputJson("{\"n\": 1}")
 *         .env(EnvVar.fromSecret("TOKEN", secret.id()))
 *         .build());
 * }</pre>
 *
 * @since 0.1
 */
public final class ToolExecuteRequest {

    /** No input, the current revision, no environment, no HTTP. */
    public static final ToolExecuteRequest EMPTY = newBuilder().build();

    private final String inputJson;
    private final String revisionId;
    private final List<EnvVar> env;
    private final HttpPolicy http;
    private final String instanceScope;

    private ToolExecuteRequest(String inputJson, String revisionId, List<EnvVar> env, HttpPolicy http,
                               String instanceScope) {
        this.inputJson = inputJson;
        this.revisionId = revisionId;
        this.env = List.copyOf(env);
        this.http = Objects.requireNonNull(http, "http");
        this.instanceScope = instanceScope;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * A builder starting from this request, to derive a variant.
     *
     * @since 0.1
     */
    public Builder toBuilder() {
        return new Builder().inputJson(inputJson).revisionId(revisionId).env(env).http(http)
                .instanceScope(instanceScope);
    }

    /** The same request pinned to {@code revisionId}. */
    public ToolExecuteRequest withRevisionId(String revisionId) {
        return new ToolExecuteRequest(inputJson, revisionId, env, http, instanceScope);
    }

    /** The input as JSON text, or null for none. */
    public String inputJson() {
        return inputJson;
    }

    /** The tool revision to run, or null for the current one. */
    public String revisionId() {
        return revisionId;
    }

    /**
     * The guest's environment; secret references stay references here (this request is what the
     * execution history stores).
     */
    public List<EnvVar> env() {
        return env;
    }

    /** Outbound HTTP for this run; credentials may name stored secrets. */
    public HttpPolicy http() {
        return http;
    }

    /**
     * Who is calling, for tools with {@link ToolSpec.Builder#warmInstances warm instances}: instances
     * are never shared between scopes (the server sets its API key's id); null when not set.
     *
     * @since 0.1
     */
    public String instanceScope() {
        return instanceScope;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolExecuteRequest r && Objects.equals(inputJson, r.inputJson)
                && Objects.equals(revisionId, r.revisionId) && env.equals(r.env) && http.equals(r.http)
                && Objects.equals(instanceScope, r.instanceScope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputJson, revisionId, env, http, instanceScope);
    }

    @Override
    public String toString() {
        return "ToolExecuteRequest{" + (revisionId == null ? "current revision" : "revision " + revisionId) + ", env="
                + env + ", " + http + "}";
    }

    /** Builder for {@link ToolExecuteRequest}. */
    public static final class Builder {
        private String inputJson;
        private String revisionId;
        private final List<EnvVar> env = new ArrayList<>();
        private HttpPolicy http = HttpPolicy.DENY_ALL;
        private String instanceScope;

        private Builder() {
        }

        /** Outbound HTTP for this run; credentials may name stored secrets ({@code secretId}). */
        public Builder http(HttpPolicy http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        public Builder inputJson(String json) {
            this.inputJson = json;
            return this;
        }

        public Builder revisionId(String revisionId) {
            this.revisionId = revisionId;
            return this;
        }

        public Builder env(EnvVar... vars) {
            for (EnvVar v : vars) {
                this.env.add(Objects.requireNonNull(v, "env"));
            }
            return this;
        }

        public Builder env(List<EnvVar> vars) {
            this.env.clear();
            vars.forEach(v -> this.env.add(Objects.requireNonNull(v, "env")));
            return this;
        }

        /**
         * Who is calling (a tenant, an API key's id; null: not set): a tool's warm instances are
         * never shared between scopes. Only routes the call: it is not part of the recorded request.
         *
         * @since 0.1
         */
        public Builder instanceScope(String scope) {
            this.instanceScope = scope;
            return this;
        }

        public ToolExecuteRequest build() {
            return new ToolExecuteRequest(inputJson, revisionId, env, http, instanceScope);
        }
    }
}
