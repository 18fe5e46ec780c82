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
 * @param inputJson  the input as JSON text, or null for none
 * @param revisionId the tool revision to run, or null for the current one
 * @param env        the guest's environment; secret references stay references here (this record
 *                   is what the execution history stores)
 */
public record ToolExecuteRequest(String inputJson, String revisionId, List<EnvVar> env, HttpPolicy http) {

    public static final ToolExecuteRequest EMPTY = new ToolExecuteRequest(null, null, List.of(), HttpPolicy.DENY_ALL);

    public ToolExecuteRequest(String inputJson, String revisionId, List<EnvVar> env) {
        this(inputJson, revisionId, env, HttpPolicy.DENY_ALL);
    }

    public ToolExecuteRequest {
        env = env == null ? List.of() : List.copyOf(env);
        http = http == null ? HttpPolicy.DENY_ALL : http;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** The same request pinned to {@code revisionId}. */
    public ToolExecuteRequest withRevisionId(String revisionId) {
        return new ToolExecuteRequest(inputJson, revisionId, env, http);
    }

    /** Builder for {@link ToolExecuteRequest}. */
    public static final class Builder {
        private String inputJson;
        private String revisionId;
        private final List<EnvVar> env = new ArrayList<>();
        private HttpPolicy http = HttpPolicy.DENY_ALL;

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
            this.env.addAll(vars);
            return this;
        }

        public ToolExecuteRequest build() {
            return new ToolExecuteRequest(inputJson, revisionId, env, http);
        }
    }
}
