package io.corral.api;

import java.util.Objects;

/**
 * What a script run produced: Riza's {@code ExecResult}, plus how it ended ({@link Outcome}).
 *
 * <pre>{@code
 * ExecResult r = engine.run(ScriptRequest.of(Language.RUBY, "puts 1; exit 3")).scriptResult();
 * r.exitCode();          // 3
 * r.outcome().kind();    // EXITED
 * r.stdout();            // "1\n"
 * }</pre>
 *
 * <p>{@link #stderr()} is the guest's own stderr; the host's notes about the run (time limit,
 * truncation) are in {@link Outcome#notes()}.
 *
 * @since 0.1
 */
public final class ExecResult {

    private final String id;
    private final Outcome outcome;
    private final String stdout;
    private final String stderr;
    private final long duration;

    private ExecResult(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.outcome = Objects.requireNonNull(b.outcome, "outcome");
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.duration = b.duration;
    }

    /** A builder for the result of execution {@code id} (engines and test harnesses build these). */
    public static Builder newBuilder(String id) {
        return new Builder(id);
    }

    /** The execution's id (a ULID). */
    public String id() {
        return id;
    }

    /** How the run ended. */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * Riza's {@code exit_code}: 0 on success; the guest's own status when it exits; 1 for an
     * uncaught or syntax error (255 in PHP); 124 when the time limit stopped it; see {@link Outcome.Kind}.
     */
    public int exitCode() {
        return outcome.exitStatus();
    }

    /** What the guest wrote to stdout, up to the cap. */
    public String stdout() {
        return stdout;
    }

    /** What the guest wrote to stderr (its own error reports included), up to the cap. */
    public String stderr() {
        return stderr;
    }

    /** Wall-clock time in milliseconds. */
    public long duration() {
        return duration;
    }

    /** Ran to its end (or exited with status 0). */
    public boolean succeeded() {
        return outcome.succeeded();
    }

    /** The time limit stopped it. */
    public boolean timedOut() {
        return outcome.isTimedOut();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExecResult r && id.equals(r.id) && outcome.equals(r.outcome) && stdout.equals(r.stdout)
                && stderr.equals(r.stderr) && duration == r.duration;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, outcome, stdout, stderr, duration);
    }

    @Override
    public String toString() {
        return "ExecResult{id=" + id + ", " + outcome + ", stdout=" + stdout.length() + " chars, stderr="
                + stderr.length() + " chars, duration=" + duration + " ms}";
    }

    /** Builder for {@link ExecResult}; unset output is empty, the outcome defaults to completed. */
    public static final class Builder {
        private final String id;
        private Outcome outcome = Outcome.completed();
        private String stdout = "";
        private String stderr = "";
        private long duration;

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        public Builder outcome(Outcome outcome) {
            this.outcome = Objects.requireNonNull(outcome, "outcome");
            return this;
        }

        public Builder stdout(String stdout) {
            this.stdout = Objects.requireNonNull(stdout, "stdout");
            return this;
        }

        public Builder stderr(String stderr) {
            this.stderr = Objects.requireNonNull(stderr, "stderr");
            return this;
        }

        /** Wall-clock milliseconds, at least 0. */
        public Builder duration(long millis) {
            if (millis < 0) {
                throw new IllegalArgumentException("duration must be at least 0 ms, got " + millis);
            }
            this.duration = millis;
            return this;
        }

        public ExecResult build() {
            return new ExecResult(this);
        }
    }
}
