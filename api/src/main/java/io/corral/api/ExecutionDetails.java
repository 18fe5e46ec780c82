package io.corral.api;

/**
 * The request and response of one run, by kind. {@link #type()} is the wire discriminator.
 */
public sealed interface ExecutionDetails permits ExecutionDetails.Script {

    ExecutionType type();

    /** A script run: the {@code /v1/execute} request and its result. */
    record Script(ScriptRequest request, ExecResult response) implements ExecutionDetails {
        @Override
        public ExecutionType type() {
            return ExecutionType.SCRIPT;
        }
    }
}
