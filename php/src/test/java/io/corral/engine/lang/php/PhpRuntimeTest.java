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
 * What only PHP has: its fatal-error and parse-error reports, sleeping through its asyncify event
 * loop, and one-liners. The script contract every language shares runs for PHP through the engine's
 * own suite ({@link PhpScriptScenarioTest}).
 */
class PhpRuntimeTest {

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

    /** Security case 18: a guest's own zlib bomb (1 MiB that inflates to 1 GiB) stops at PHP's memory limit. */
    @Test
    void aZlibBombStopsAtPhpsMemoryLimit() {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
        java.io.ByteArrayOutputStream bomb = new java.io.ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] buffer = new byte[1 << 16];
        for (int i = 0; i < 1024; i++) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                bomb.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            bomb.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        ExecResult r = run(ScriptRequest.newBuilder(PHP, """
                <?php
                $bomb = base64_decode(stream_get_contents(STDIN));
                echo "compressed ", strlen($bomb), "\n";
                $out = gzuncompress($bomb);
                echo "inflated ", strlen($out), "\n";
                """).stdin(java.util.Base64.getEncoder().encodeToString(bomb.toByteArray()))
                // memory_size well above PHP's own memory_limit (256 MiB), so PHP's limit is what stops it
                .limits(io.corral.api.Limits.newBuilder().memorySizeMib(1024).build()).build());
        assertEquals("compressed " + bomb.size() + "\n", r.stdout(), describe(r));
        assertEquals(255, r.exitCode(), describe(r));
        assertTrue(r.stderr().contains("Allowed memory size of 268435456 bytes exhausted"), describe(r));
        assertEquals("hello, world\n", run("hello").stdout(), "the next execution works");
    }

    @Test
    void phpIsAvailableWhenItsModuleIsOnTheClassPath() {
        assertTrue(ExecutionEngine.availableLanguages().contains(PHP));
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
    void sleepingWorks() {
        ExecResult r = run("php_sleep");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("awake\n", r.stdout());
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
