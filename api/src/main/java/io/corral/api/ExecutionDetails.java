package io.corral.api;

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
 */
public sealed interface ExecutionDetails permits ExecutionDetails.Script, ExecutionDetails.Function,
        ExecutionDetails.Tool {

    ExecutionType type();

    /** A script run: the {@code /v1/execute} request and its result. */
    record Script(ScriptRequest request, ExecResult response) implements ExecutionDetails {
        @Override
        public ExecutionType type() {
            return ExecutionType.SCRIPT;
        }
    }

    /** A function call: the {@code /v1/execute-function} request and its result. */
    record Function(FunctionRequest request, FunctionResult response) implements ExecutionDetails {
        @Override
        public ExecutionType type() {
            return ExecutionType.FUNCTION;
        }
    }

    /**
     * A tool run: the tool's id, the {@code /v1/tools/{id}/execute} request (secret-backed env vars
     * as references, never values; {@code revision_id} set to the revision that ran) and its result.
     */
    record Tool(String toolId, ToolExecuteRequest request, FunctionResult response) implements ExecutionDetails {
        @Override
        public ExecutionType type() {
            return ExecutionType.TOOL;
        }
    }
}
