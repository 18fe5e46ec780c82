package io.corral.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The record of one run: Riza's {@code Execution}, plus how it ended ({@link #outcome()}), what
 * the host noted ({@link #notices()}) and its outbound HTTP ({@link #http()}).
 *
 * <pre>{@code
 * Execution ex = engine.run(ScriptRequest.of(Language.PYTHON, "print(1+1)"));
 * ex.exitCode();                 // 0
 * ex.outcome().kind();           // COMPLETED
 * ex.scriptResult().stdout();    // "2\n"
 * }</pre>
 *
 * @since 0.1
 */
public final class Execution {

    private final String id;
    private final Language language;
    private final long duration;
    private final Instant startedAt;
    private final ExecutionDetails details;
    private final List<String> notices;
    private final HttpMetrics http;

    private Execution(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.language = Objects.requireNonNull(b.language, "language");
        this.startedAt = Objects.requireNonNull(b.startedAt, "startedAt");
        this.details = Objects.requireNonNull(b.details, "details");
        this.duration = b.duration;
        this.notices = List.copyOf(b.notices);
        this.http = b.http;
    }

    /** A builder for the record of execution {@code id} (engines, stores and test harnesses build these). */
    public static Builder newBuilder(String id, Language language) {
        return new Builder(id, language);
    }

    /** A builder starting from this record. */
    public Builder toBuilder() {
        return new Builder(id, language).duration(duration).startedAt(startedAt).details(details).notices(notices)
                .http(http);
    }

    /** A ULID; ids increase strictly in creation order. */
    public String id() {
        return id;
    }

    public Language language() {
        return language;
    }

    /** Wall-clock milliseconds. */
    public long duration() {
        return duration;
    }

    /** When the run started (UTC). */
    public Instant startedAt() {
        return startedAt;
    }

    /** The request and the result, by kind. */
    public ExecutionDetails details() {
        return details;
    }

    /**
     * What the host noted about this run, in plain sentences: how it ended (the time limit, the
     * memory limit, cut output, an internal error) and what the sandbox could not enforce for it (in-process
     * Ruby's trust, an unused {@code http.allow}). Empty when there is nothing to say.
     */
    public List<String> notices() {
        return notices;
    }

    /** The run's outbound HTTP: requests, refusals, bytes (not in Riza's wire shape). */
    public HttpMetrics http() {
        return http;
    }

    public ExecutionType type() {
        return details.type();
    }

    /** How the run ended. */
    public Outcome outcome() {
        return switch (details) {
            case ExecutionDetails.Script s -> s.response().outcome();
            case ExecutionDetails.Function f -> f.response().execution().outcome();
            case ExecutionDetails.Tool t -> t.response().execution().outcome();
        };
    }

    /** Riza's {@code exit_code}: the outcome's exit status. */
    public int exitCode() {
        return outcome().exitStatus();
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

    /** A script that ended cleanly, or a function that also returned a serializable value. */
    public boolean succeeded() {
        return type() == ExecutionType.SCRIPT ? outcome().succeeded() : functionResult().succeeded();
    }

    /** The time limit stopped it. */
    public boolean timedOut() {
        return outcome().isTimedOut();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Execution e && id.equals(e.id) && language == e.language && duration == e.duration
                && startedAt.equals(e.startedAt) && details.equals(e.details) && notices.equals(e.notices)
                && http.equals(e.http);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, language, duration, startedAt, details, notices, http);
    }

    @Override
    public String toString() {
        return "Execution{id=" + id + ", " + language.wireName() + ", " + type().wireName() + ", " + outcome()
                + ", duration=" + duration + " ms}";
    }

    /** Builder for {@link Execution}. */
    public static final class Builder {
        private final String id;
        private final Language language;
        private long duration;
        private Instant startedAt;
        private ExecutionDetails details;
        private List<String> notices = List.of();
        private HttpMetrics http = HttpMetrics.NONE;

        private Builder(String id, Language language) {
            this.id = Objects.requireNonNull(id, "id");
            this.language = Objects.requireNonNull(language, "language");
        }

        public Builder duration(long millis) {
            if (millis < 0) {
                throw new IllegalArgumentException("duration must be at least 0 ms, got " + millis);
            }
            this.duration = millis;
            return this;
        }

        public Builder startedAt(Instant startedAt) {
            this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
            return this;
        }

        public Builder details(ExecutionDetails details) {
            this.details = Objects.requireNonNull(details, "details");
            return this;
        }

        public Builder notices(List<String> notices) {
            this.notices = List.copyOf(notices);
            return this;
        }

        public Builder http(HttpMetrics http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** @throws NullPointerException when {@code startedAt} or {@code details} is missing */
        public Execution build() {
            return new Execution(this);
        }
    }
}
