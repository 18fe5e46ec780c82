package io.corral.engine.lang.php;

import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.ScriptRequest;
import io.corral.engine.ExecutionEngine;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's all-languages scenarios (the programs under the engine's
 * {@code scenarios/<name>/main.php}, reached through its test jar) run in PHP, with PHP's own exit
 * statuses where they differ: an uncaught exception or a parse error is a fatal error, 255.
 */
class PhpScenarioTest {

    private static final Language PHP = Language.PHP;

    private static ExecResult run(ScriptRequest request) {
        Execution ex = TestEngine.shared().run(request);
        assertEquals(ex.exitCode(), ex.scriptResult().exitCode());
        return ex.scriptResult();
    }

    private static ExecResult run(String scenario) {
        return run(ScriptRequest.of(PHP, TestEngine.program(scenario, PHP)));
    }

    private static ScriptRequest.Builder request(String scenario) {
        return ScriptRequest.newBuilder(PHP, TestEngine.program(scenario, PHP));
    }

    private static String describe(ExecResult r) {
        return "exit=" + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    @Test
    void phpIsAvailableWhenItsModuleIsOnTheClassPath() {
        assertTrue(ExecutionEngine.availableLanguages().contains(PHP));
    }

    @Test
    void helloWorldPrintsToStdout() {
        ExecResult r = run("hello");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("hello, world\n", r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void stdinIsReadable() {
        ExecResult r = run(request("stdin_reversed").stdin("hello").build());
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("olleh\n", r.stdout());
    }

    @Test
    void argsFollowTheScriptPath() {
        ExecResult r = run(request("args").args("a", "b c", "-d").build());
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("a b c -d\n", r.stdout());
    }

    @Test
    void envHoldsOnlyTheRequestsVariables() {
        ExecResult r = run(request("env_visible").env("K1", "v1").build());
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("v1 undefined undefined\n", r.stdout(), "the host's PATH and HOME must not be visible");
    }

    @Test
    void stderrIsSeparateFromStdout() {
        ExecResult r = run("stderr");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("to stdout\n", r.stdout());
        assertEquals("to stderr\n", r.stderr());
    }

    @Test
    void guestExitStatusBecomesTheExitCode() {
        ExecResult r = run("exit_code");
        assertEquals(3, r.exitCode(), describe(r));
        assertEquals("leaving\n", r.stdout());
    }

    @Test
    void uncaughtExceptionIsAFatalErrorWithTheMessageOnStderr() {
        ExecResult r = run("uncaught_error");
        assertEquals(255, r.exitCode(), describe(r));
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("Uncaught Exception: boom"), describe(r));
        assertTrue(r.stderr().contains("/code/main.php"), "names the script file: " + describe(r));
        assertFalse(r.stderr().contains("io.corral"), "no host frames: " + describe(r));
        assertFalse(r.stderr().contains("corral-php-runtime"), "no runtime frames: " + describe(r));
    }

    @Test
    void parseErrorIsAFatalErrorWithTheLocation() {
        ExecResult r = run("syntax_error");
        assertEquals(255, r.exitCode(), describe(r));
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("/code/main.php on line 3"), describe(r));
    }

    @Test
    void globalsAndFilesDoNotLeakIntoTheNextExecution() {
        assertEquals("set\n", run("global_set").stdout());
        ExecResult r = run("global_check");
        assertEquals("absent absent\n", r.stdout(), describe(r));
    }

    @Test
    void sleepingWorks() {
        ExecResult r = run("php_sleep");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("awake\n", r.stdout());
    }

    @Test
    void concurrentExecutionsAllAnswerCorrectly() {
        List<CompletableFuture<Execution>> futures = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            futures.add(TestEngine.shared().runAsync(request("square_arg").args(Integer.toString(i)).build()));
        }
        for (int i = 0; i < 6; i++) {
            ExecResult r = futures.get(i).join().scriptResult();
            assertEquals(0, r.exitCode(), describe(r));
            assertEquals((i * i) + "\n", r.stdout());
        }
    }

    @Test
    void mustShowOneLiners() {
        assertEquals("{\"a\":1}", run(ScriptRequest.of(PHP, "<?php echo json_encode([\"a\" => 1]);")).stdout());
        assertEquals("olleh", run(ScriptRequest.newBuilder(PHP, "<?php echo strrev(trim(fgets(STDIN)));")
                .stdin("hello").build()).stdout());
        assertEquals(4, run(ScriptRequest.of(PHP, "<?php exit(4);")).exitCode());
        assertEquals("refused", run(ScriptRequest.of(PHP,
                "<?php try { shell_exec(\"id\"); echo \"ran\"; } catch (Throwable $e) { echo \"refused\"; }")).stdout());
    }
}
