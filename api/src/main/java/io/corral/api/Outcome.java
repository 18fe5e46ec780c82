package io.corral.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How an execution ended: one {@link Kind}, the exit status it gave, and whether its output was
 * cut at a cap. Decided by the engine in one place, in the manner of the polyglot API's
 * {@code PolyglotException} predicates.
 *
 * <pre>{@code
 * Outcome o = engine.run(ScriptRequest.of(Language.PYTHON, "import sys; sys.exit(124)")).outcome();
 * o.kind();          // EXITED — the guest's own exit, not the time limit, whatever the status
 * o.exitStatus();    // 124
 * o.isTimedOut();    // false
 * }</pre>
 *
 * <p>Host notes about the outcome ("time limit of 2 s exceeded", "stdout truncated at 20 MiB")
 * are in {@link #notes()} and among the execution's {@link Execution#notices() notices}, never in
 * the guest's own stderr; Riza's wire shape appends them to {@code stderr} as its clients expect.
 *
 * @since 0.1
 */
public final class Outcome {

    /**
     * The kinds of ending. Each has the exit status Riza's {@code exit_code} reports for it.
     *
     * @since 0.1
     */
    public enum Kind {
        /** The code ran to its end (status 0). */
        COMPLETED,
        /** The guest ended itself with a status ({@code sys.exit(3)}, {@code exit 3}, {@code process.exit(3)}). */
        EXITED,
        /** An error the guest did not handle (status 1; PHP's fatal error 255). */
        GUEST_ERROR,
        /** The code did not parse (status 1; PHP 255). */
        SYNTAX_ERROR,
        /** The time limit stopped it (status {@value #TIMED_OUT_STATUS}); output so far is kept. */
        TIMED_OUT,
        /**
         * Stopped before its end by the embedder ({@code Future.cancel}) or because the engine closed
         * (status {@value #CANCELLED_STATUS}).
         */
        CANCELLED,
        /** It used more memory than allowed (status {@value #MEMORY_LIMIT_STATUS}). */
        MEMORY_LIMIT,
        /** Something failed in the host or in a language implementation, not in the guest's code (status 1). */
        INTERNAL_ERROR;

        /** The wire name: {@code completed}, {@code exited}, {@code guest_error}, … */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Exit status of a run stopped by its time limit, as GNU {@code timeout} reports it. */
    public static final int TIMED_OUT_STATUS = 124;
    /** Exit status of a cancelled run. */
    public static final int CANCELLED_STATUS = 125;
    /** Exit status of a run that used more memory than allowed, as a SIGKILL'd process reports it. */
    public static final int MEMORY_LIMIT_STATUS = 137;

    private final Kind kind;
    private final int exitStatus;
    private final boolean stdoutTruncated;
    private final boolean stderrTruncated;
    private final List<String> notes;

    private Outcome(Kind kind, int exitStatus, boolean stdoutTruncated, boolean stderrTruncated, List<String> notes) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.exitStatus = exitStatus;
        this.stdoutTruncated = stdoutTruncated;
        this.stderrTruncated = stderrTruncated;
        this.notes = List.copyOf(notes);
    }

    /** An outcome of {@code kind} with {@code exitStatus}, no truncation and no notes. */
    public static Outcome of(Kind kind, int exitStatus) {
        return new Outcome(kind, exitStatus, false, false, List.of());
    }

    /** Ran to its end. */
    public static Outcome completed() {
        return of(Kind.COMPLETED, 0);
    }

    /** This outcome with the truncation flags set. */
    public Outcome withTruncation(boolean stdout, boolean stderr) {
        return new Outcome(kind, exitStatus, stdout, stderr, notes);
    }

    /** This outcome with {@code notes} (plain sentences, in order) added. */
    public Outcome withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new Outcome(kind, exitStatus, stdoutTruncated, stderrTruncated, all);
    }

    public Kind kind() {
        return kind;
    }

    /** The status Riza's {@code exit_code} reports: 0 only for a clean end. */
    public int exitStatus() {
        return exitStatus;
    }

    /** Whether stdout was cut at its cap (the rest was counted and dropped). */
    public boolean stdoutTruncated() {
        return stdoutTruncated;
    }

    /** Whether stderr was cut at its cap. */
    public boolean stderrTruncated() {
        return stderrTruncated;
    }

    /** The host's notes about how the run ended, in plain sentences; empty when there are none. */
    public List<String> notes() {
        return notes;
    }

    /** Ran to its end, or exited with status 0. */
    public boolean succeeded() {
        return exitStatus == 0 && (kind == Kind.COMPLETED || kind == Kind.EXITED);
    }

    public boolean isCompleted() {
        return kind == Kind.COMPLETED;
    }

    public boolean isExit() {
        return kind == Kind.EXITED;
    }

    public boolean isGuestError() {
        return kind == Kind.GUEST_ERROR;
    }

    public boolean isSyntaxError() {
        return kind == Kind.SYNTAX_ERROR;
    }

    public boolean isTimedOut() {
        return kind == Kind.TIMED_OUT;
    }

    public boolean isCancelled() {
        return kind == Kind.CANCELLED;
    }

    public boolean isMemoryLimit() {
        return kind == Kind.MEMORY_LIMIT;
    }

    public boolean isInternalError() {
        return kind == Kind.INTERNAL_ERROR;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outcome other && kind == other.kind && exitStatus == other.exitStatus
                && stdoutTruncated == other.stdoutTruncated && stderrTruncated == other.stderrTruncated
                && notes.equals(other.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, exitStatus, stdoutTruncated, stderrTruncated, notes);
    }

    @Override
    public String toString() {
        return "Outcome{" + kind.wireName() + ", exitStatus=" + exitStatus
                + (stdoutTruncated ? ", stdout truncated" : "") + (stderrTruncated ? ", stderr truncated" : "")
                + (notes.isEmpty() ? "" : ", notes=" + notes) + "}";
    }
}
