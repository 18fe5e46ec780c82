package io.corral.api;

import java.util.Objects;

/**
 * The request and response of one run, by kind. {@link #type()} is the wire discriminator.
 *
 * <pre>{@code
 * switch (execution.details()) {
 *     case ExecutionDetails.Script s -> s.response().stdout();
 *     case ExecutionDetails.Function f -> f.response().outputJson();
 *     case ExecutionDetails.Tool t -> t.toolId();
 * }
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface ExecutionDetails permits ExecutionDetails.Script, ExecutionDetails.Function,
        ExecutionDetails.Tool {

    ExecutionType type();

    /** A script run: the {@code /v1/execute} request and its result. */
    static Script script(ScriptRequest request, ExecResult response) {
        return new Script(request, response);
    }

    /** A function call: the {@code /v1/execute-function} request and its result. */
    static Function function(FunctionRequest request, FunctionResult response) {
        return new Function(request, response);
    }

    /** A tool run; see {@link Tool}. */
    static Tool tool(String toolId, ToolExecuteRequest request, FunctionResult response) {
        return new Tool(toolId, request, response);
    }

    /** A script run: the {@code /v1/execute} request and its result. */
    final class Script implements ExecutionDetails {
        private final ScriptRequest request;
        private final ExecResult response;

        private Script(ScriptRequest request, ExecResult response) {
            this.request = Objects.requireNonNull(request, "request");
            this.response = Objects.requireNonNull(response, "response");
        }

        public ScriptRequest request() {
            return request;
        }

        public ExecResult response() {
            return response;
        }

        @Override
        public ExecutionType type() {
            return ExecutionType.SCRIPT;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Script s && request.equals(s.request) && response.equals(s.response);
        }

        @Override
        public int hashCode() {
            return Objects.hash(request, response);
        }

        @Override
        public String toString() {
            return "Script{" + request + " -> " + response + "}";
        }
    }

    /** A function call: the {@code /v1/execute-function} request and its result. */
    final class Function implements ExecutionDetails {
        private final FunctionRequest request;
        private final FunctionResult response;

        private Function(FunctionRequest request, FunctionResult response) {
            this.request = Objects.requireNonNull(request, "request");
            this.response = Objects.requireNonNull(response, "response");
        }

        public FunctionRequest request() {
            return request;
        }

        public FunctionResult response() {
            return response;
        }

        @Override
        public ExecutionType type() {
            return ExecutionType.FUNCTION;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Function f && request.equals(f.request) && response.equals(f.response);
        }

        @Override
        public int hashCode() {
            return Objects.hash(request, response);
        }

        @Override
        public String toString() {
            return "Function{" + request + " -> " + response + "}";
        }
    }

    /**
     * A tool run: the tool's id, the {@code /v1/tools/{id}/execute} request (secret-backed env vars
     * as references, never values; {@code revision_id} set to the revision that ran) and its result.
     */
    final class Tool implements ExecutionDetails {
        private final String toolId;
        private final ToolExecuteRequest request;
        private final FunctionResult response;

        private Tool(String toolId, ToolExecuteRequest request, FunctionResult response) {
            this.toolId = Objects.requireNonNull(toolId, "toolId");
            this.request = Objects.requireNonNull(request, "request");
            this.response = Objects.requireNonNull(response, "response");
        }

        public String toolId() {
            return toolId;
        }

        public ToolExecuteRequest request() {
            return request;
        }

        public FunctionResult response() {
            return response;
        }

        @Override
        public ExecutionType type() {
            return ExecutionType.TOOL;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tool t && toolId.equals(t.toolId) && request.equals(t.request)
                    && response.equals(t.response);
        }

        @Override
        public int hashCode() {
            return Objects.hash(toolId, request, response);
        }

        @Override
        public String toString() {
            return "Tool{" + toolId + ", " + request + " -> " + response + "}";
        }
    }
}
