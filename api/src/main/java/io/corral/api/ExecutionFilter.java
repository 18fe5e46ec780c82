package io.corral.api;

/**
 * Which recorded executions a listing returns: Riza's {@code only_non_zero_exit_codes}.
 *
 * <pre>{@code
 * engine.listExecutions(PageRequest.first(20), ExecutionFilter.NON_ZERO_EXIT_CODES);
 * }</pre>
 *
 * @since 0.1
 */
public enum ExecutionFilter {
    /** Every execution. */
    ALL,
    /** Only executions whose exit code is not 0 (failures, exits with a status, time limits…). */
    NON_ZERO_EXIT_CODES
}
