package io.corral.engine;

import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.Language;
import io.corral.api.Outcome;
import io.corral.api.ScriptRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One scenario, every language: the script contract. The attack cases (host files, processes,
 * Java classes, time limits, floods, recursion…) are in {@code attack.AttackMatrix}.
 *
 * <p>A suite: the PHP module runs it as it is ({@code PhpScriptScenarioTest} hides
 * {@link #languages()}); where a language's own rules differ (PHP's fatal errors exit 255 and
 * cannot be told from parse errors), the expectation hooks below say so.
 */
public class ScriptScenarioTest {

    static List<Language> languages() {
        return TestEngine.languages();
    }

    // ---- per-language expectations ------------------------------------------------------------

    /** The status of an error the guest did not handle: PHP's fatal error is 255. */
    static int errorStatus(Language lang) {
        return lang == Language.PHP ? 255 : 1;
    }

    /** How a parse error ends: PHP reports it as a fatal error like any other (same status, same kind). */
    static Outcome.Kind syntaxErrorKind(Language lang) {
        return lang == Language.PHP ? Outcome.Kind.GUEST_ERROR : Outcome.Kind.SYNTAX_ERROR;
    }

    /** What {@code env_visible} prints for the request's K1 and two variables the host has. */
    static String expectedEnv(Language lang) {
        return switch (lang) {
            case PYTHON -> "v1 None None\n";
            case RUBY -> "\"v1\" nil nil\n";
            default -> "v1 undefined undefined\n";
        };
    }

    private static ExecResult run(ScriptRequest request) {
        Execution ex = TestEngine.shared().run(request);
        assertEquals(ex.exitCode(), ex.scriptResult().exitCode());
        return ex.scriptResult();
    }

    private static ExecResult run(String scenario, Language lang) {
        return run(ScriptRequest.of(lang, TestEngine.program(scenario, lang)));
    }

    private static String describe(ExecResult r) {
        return "exit=" + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void helloWorldPrintsToStdout(Language lang) {
        ExecResult r = run("hello", lang);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals(Outcome.Kind.COMPLETED, r.outcome().kind(), describe(r));
        assertEquals("hello, world\n", r.stdout());
        assertEquals("", r.stderr());
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void stdinIsReadable(Language lang) {
        ExecResult r = run(ScriptRequest.newBuilder(lang, TestEngine.program("stdin_reversed", lang))
                .stdin("hello").build());
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("olleh\n", r.stdout());
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void argsFollowTheScriptPath(Language lang) {
        ExecResult r = run(ScriptRequest.newBuilder(lang, TestEngine.program("args", lang))
                .args("a", "b c", "-d").build());
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("a b c -d\n", r.stdout());
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void envHoldsOnlyTheRequestsVariables(Language lang) {
        ExecResult r = run(ScriptRequest.newBuilder(lang, TestEngine.program("env_visible", lang))
                .env("K1", "v1").build());
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals(expectedEnv(lang), r.stdout(), "the host's PATH and HOME must not be visible");
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void stderrIsSeparateFromStdout(Language lang) {
        ExecResult r = run("stderr", lang);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("to stdout\n", r.stdout());
        assertEquals("to stderr\n", r.stderr());
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void guestExitStatusBecomesTheExitCode(Language lang) {
        ExecResult r = run("exit_code", lang);
        assertEquals(3, r.exitCode(), describe(r));
        assertEquals(Outcome.Kind.EXITED, r.outcome().kind(), describe(r));
        assertEquals("leaving\n", r.stdout());
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void anExitWithStatus124IsAnExitNotATimeout(Language lang) {
        ExecResult r = run("exit_124", lang);
        assertEquals(124, r.exitCode(), describe(r));
        assertEquals(Outcome.Kind.EXITED, r.outcome().kind(), describe(r));
        assertFalse(r.timedOut(), describe(r));
        assertEquals(java.util.List.of(), r.outcome().notes(), "no host note: the guest chose this status");
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void cancellingTheFutureStopsTheGuestAndRecordsItCancelled(Language lang) throws Exception {
        ExecutionFuture run = TestEngine.shared().runAsync(ScriptRequest.of(lang, TestEngine.program("infinite_loop", lang)));
        Thread.sleep(1500); // most likely running by now; cancelled before it starts, it is recorded the same way
        assertTrue(run.cancel(true));
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        assertTrue(run.isCancelled());
        Execution recorded = null;
        while (recorded == null && System.nanoTime() < until) {
            recorded = TestEngine.shared().findExecution(run.id()).orElse(null);
            Thread.sleep(20);
        }
        assertTrue(recorded != null, "the cancelled execution is recorded");
        assertEquals(Outcome.Kind.CANCELLED, recorded.outcome().kind(), recorded.toString());
        assertEquals(Outcome.CANCELLED_STATUS, recorded.exitCode());
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void uncaughtErrorIsAGuestErrorWithTheMessageOnStderr(Language lang) {
        ExecResult r = run("uncaught_error", lang);
        assertEquals(errorStatus(lang), r.exitCode(), describe(r));
        assertEquals(Outcome.Kind.GUEST_ERROR, r.outcome().kind(), describe(r));
        assertTrue(r.stderr().contains("boom"), describe(r));
        assertTrue(r.stderr().contains("main" + lang.fileExtension()), "names the script file: " + describe(r));
        assertFalse(r.stderr().contains("io.corral"), "no host frames: " + describe(r));
        assertFalse(r.stderr().contains("<corral-prelude>"), "no prelude frames: " + describe(r));
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void syntaxErrorNamesTheLocation(Language lang) {
        ExecResult r = run("syntax_error", lang);
        assertEquals(errorStatus(lang), r.exitCode(), describe(r));
        assertEquals(syntaxErrorKind(lang), r.outcome().kind(), describe(r));
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("main" + lang.fileExtension()), describe(r));
        int lines = TestEngine.program("syntax_error", lang).split("\n").length;
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("main\\" + lang.fileExtension()
                + "\"?(?::|, line | on line )(\\d+)").matcher(r.stderr());
        assertTrue(at.find(), "names the file and a line: " + describe(r));
        int line = Integer.parseInt(at.group(1));
        assertTrue(line >= 1 && line <= lines, "the line is one of the program's " + lines + ": " + describe(r));
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void globalsDoNotLeakIntoTheNextExecution(Language lang) {
        assertEquals("set\n", run("global_set", lang).stdout());
        ExecResult r = run("global_check", lang);
        assertEquals("absent absent\n", r.stdout(), describe(r));
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void twentyConcurrentExecutionsAllAnswerCorrectly(Language lang) {
        List<CompletableFuture<Execution>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(TestEngine.shared().runAsync(ScriptRequest.newBuilder(lang,
                    TestEngine.program("square_arg", lang)).args(Integer.toString(i)).build()));
        }
        for (int i = 0; i < 20; i++) {
            ExecResult r = futures.get(i).join().scriptResult();
            assertEquals(0, r.exitCode(), describe(r));
            assertEquals((i * i) + "\n", r.stdout());
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    public void everyExecutionIsRecordedWithIdTimeAndRequest(Language lang) {
        ScriptRequest req = ScriptRequest.of(lang, TestEngine.program("hello", lang));
        Execution ex = TestEngine.shared().run(req);
        assertEquals(26, ex.id().length());
        assertEquals(lang, ex.language());
        assertEquals(ex.id(), ex.scriptResult().id());
        assertTrue(ex.duration() >= 0);
        assertTrue(ex.startedAt().isBefore(java.time.Instant.now().plusSeconds(1)));
        assertEquals(io.corral.api.ExecutionType.SCRIPT, ex.type());
        assertEquals(req, ((io.corral.api.ExecutionDetails.Script) ex.details()).request());
        assertFalse(ex.notices().stream().anyMatch(n -> n.contains("memory")),
                "memory_size is enforced: no advisory about it, and this run stayed within it: " + ex.notices());
    }
}
