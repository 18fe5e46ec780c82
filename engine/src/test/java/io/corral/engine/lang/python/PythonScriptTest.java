package io.corral.engine.lang.python;

import io.corral.api.ExecResult;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.ScriptRequest;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Python scripts behave like CPython's: tracebacks, exits, argv, env, stdin, the standard library. */
class PythonScriptTest {

    private static ExecResult run(String scenario, String stdin, String... args) {
        return TestEngine.shared().run(ScriptRequest.newBuilder(Language.PYTHON,
                TestEngine.program(scenario, Language.PYTHON)).stdin(stdin).args(args).build()).scriptResult();
    }

    private static String describe(ExecResult r) {
        return "exit=" + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    @Test
    void uncaughtExceptionPrintsACPythonTraceback() {
        ExecResult r = run("py_traceback", "");
        assertEquals(1, r.exitCode(), describe(r));
        assertEquals("""
                Traceback (most recent call last):
                  File "/code/main.py", line 5, in <module>
                    fail()
                  File "/code/main.py", line 2, in fail
                    raise ValueError("boom")
                ValueError: boom
                """, r.stderr().replaceAll("(?m)^\\s+\\^+\\n", ""));
    }

    @ParameterizedTest
    @CsvSource({
            "none, 0, 'before\n', ''",
            "int, 7, 'before\n', ''",
            "message, 1, 'before\n', 'bye\n'",
            "raise, 5, 'before\n', ''",
            "caught, 0, 'before\ncaught\nafter\n', ''",
            "os_exit, 4, 'before\n', ''"})
    void everyFormOfExitGivesCPythonsStatus(String form, int status, String stdout, String stderr) {
        ExecResult r = run("py_exit_forms", "", form);
        assertEquals(status, r.exitCode(), describe(r));
        assertEquals(stdout, r.stdout(), describe(r));
        assertEquals(stderr, r.stderr(), describe(r));
    }

    @Test
    void scriptRunsAsMainWithItsPathArgsAndOnlyTheRequestsEnvironment() {
        ExecResult r = TestEngine.shared().run(ScriptRequest.newBuilder(Language.PYTHON,
                TestEngine.program("py_main_name", Language.PYTHON)).args("x", "y z").env("K1", "v1").build())
                .scriptResult();
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("__main__ ['/code/main.py', 'x', 'y z'] /code/main.py\n[('K1', 'v1')]\n", r.stdout());
    }

    @Test
    void inputReadsStdinLineByLineAndEndsWithEOFError() {
        ExecResult r = run("py_input", "ada\nlovelace\n");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("prompt> ada|lovelace\neof\n", r.stdout());
    }

    @Test
    void theCommonStandardLibraryImportsAndWorks() {
        ExecResult r = run("py_stdlib", "");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                {"a": [1, 2]}
                a#b#
                4 1/2
                2024-02-29 3.3
                [('a', 2)] [1, 3, 6]
                24 2
                ba7816bf8f01cfea aGk=
                [['a', 'b'], ['1', '2']] hello [...] abc
                P(x=1, y=None) RED 1 True
                1 2 1
                """, r.stdout());
    }

    @Test
    void processesNativeCodeAndHostFilesAreRefusedWithCatchableErrors() {
        ExecResult r = run("py_process_refused", "");
        assertEquals(0, r.exitCode(), describe(r));
        assertFalse(r.stdout().contains("pwned") || r.stderr().contains("pwned"), describe(r));
        for (String line : r.stdout().split("\n")) {
            assertTrue(line.startsWith("refused:"), describe(r));
        }
        assertEquals(4, r.stdout().split("\n").length, describe(r));
    }

    @Test
    void aWarningShowsTheScriptLineItWasRaisedOn() {
        ExecResult r = run("py_warnings", "");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("after\n", r.stdout());
        assertEquals("/code/main.py:3: UserWarning: careful\n  warnings.warn(\"careful\")\n", r.stderr());
    }

    @Test
    void threadsThatNeverEndAreStoppedByTheTimeLimitWithTheRestOfTheGuest() {
        ExecResult r = TestEngine.shared().run(ScriptRequest.newBuilder(Language.PYTHON,
                TestEngine.program("py_thread_deadline", Language.PYTHON))
                .limits(Limits.newBuilder().executionTimeoutSeconds(3).build()).build()).scriptResult();
        assertEquals(io.corral.api.Outcome.Kind.TIMED_OUT, r.outcome().kind(), describe(r));
        assertEquals("started\n", r.stdout(), "the main thread waited for its threads, as CPython does: " + describe(r));
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < until && guestThreads() > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(50));
        }
        assertEquals(0, guestThreads(), "every guest thread ended with its execution");
    }

    /** GraalPy starts guest threads in a thread group of this name. */
    private static long guestThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getThreadGroup() != null
                && t.getThreadGroup().getName().equals("GRAALPYTHON_THREADS")).count();
    }

    @Test
    void unboundedRecursionEndsAsARecursionErrorNotAHostCrash() {
        ExecResult r = run("py_deep_recursion", "");
        assertEquals(1, r.exitCode(), describe(r));
        assertTrue(r.stderr().contains("RecursionError"), describe(r));
        assertEquals("hello, world\n", run("hello", "").stdout(), "the engine still runs the next execution");
    }
}
