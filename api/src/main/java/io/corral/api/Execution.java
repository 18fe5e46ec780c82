package io.corral.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The record of one run: Riza's {@code Execution}.
 *
 * <pre>{@code
 * Execution ex = engine.run(ScriptRequest.of(Language.PYTHON, "print(1+1)"));
 * ex.exitCode();                 // 0
 * ex.scriptResult().stdout();    // "2\n"
 * }</pre>
 *
 * @param id        a ULID; ids increase strictly in creation order
 * @param duration  wall-clock milliseconds
 * @param startedAt when the run started (UTC)
 * @param http      the run's outbound HTTP: requests, refusals, bytes (not in Riza's wire shape)
 * @param notices   what the sandbox could not enforce for this run, in plain words (for example
 *                  that {@code memory_size} is advisory in-process); empty when everything held
 */
public record Execution(String id, Language language, long duration, int exitCode, Instant startedAt,
                        ExecutionDetails details, List<String> notices, HttpMetrics http) {

    public Execution(String id, Language language, long duration, int exitCode, Instant startedAt,
                     ExecutionDetails details, List<String> notices) {
        this(id, language, duration, exitCode, startedAt, details, notices, HttpMetrics.NONE);
    }

    public Execution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(startedAt, "startedAt");
        notices = notices == null ? List.of() : List.copyOf(notices);
        http = http == null ? HttpMetrics.NONE : http;
    }

    public ExecutionType type() {
        return details.type();
    }

    /** The script result, for a {@link ExecutionType#SCRIPT} execution. */
    public ExecResult scriptResult() {
        if (details instanceof ExecutionDetails.Script s) {
            return s.response();
        }
        throw new IllegalStateException("execution " + id + " is a " + type().wireName() + ", not a script");
    }

    /** The function result, for a {@link ExecutionType#FUNCTION} (or tool) execution. */
    public FunctionResult functionResult() {
        if (details instanceof ExecutionDetails.Function f) {
            return f.response();
        }
        if (details instanceof ExecutionDetails.Tool t) {
            return t.response();
        }
        throw new IllegalStateException("execution " + id + " is a " + type().wireName() + ", not a function");
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    public boolean timedOut() {
        return exitCode == ExecResult.TIMED_OUT;
    }
}
