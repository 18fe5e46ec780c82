package io.corral.api;

/**
 * What a script run produced: Riza's {@code ExecResult}.
 *
 * <pre>{@code
 * ExecResult r = engine.run(ScriptRequest.of(Language.RUBY, "puts 1; exit 3")).scriptResult();
 * r.exitCode();   // 3
 * r.stdout();     // "1\n"
 * }</pre>
 *
 * @param id       the execution id (a ULID)
 * @param exitCode 0 on success; the guest's own status when it exits; 1 for an uncaught or syntax
 *                 error; 124 when the time limit stopped it
 * @param duration wall-clock time in milliseconds
 */
public record ExecResult(String id, int exitCode, String stdout, String stderr, long duration) {

    /** Exit code of a run stopped by its time limit (as GNU {@code timeout} reports it). */
    public static final int TIMED_OUT = 124;

    public boolean succeeded() {
        return exitCode == 0;
    }

    public boolean timedOut() {
        return exitCode == TIMED_OUT;
    }
}
