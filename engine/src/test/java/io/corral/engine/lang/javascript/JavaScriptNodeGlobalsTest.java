package io.corral.engine.lang.javascript;

import io.corral.api.ExecResult;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.ScriptRequest;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JavaScript guests feel like Node: its globals, event loop, stdin and error reporting. */
class JavaScriptNodeGlobalsTest {

    private static ExecResult run(String scenario) {
        return run(ScriptRequest.newBuilder(Language.JAVASCRIPT, TestEngine.program(scenario, Language.JAVASCRIPT)));
    }

    private static ExecResult run(ScriptRequest.Builder request) {
        return TestEngine.shared().run(request.build()).scriptResult();
    }

    private static ExecResult runCode(String code) {
        return run(ScriptRequest.newBuilder(Language.JAVASCRIPT, code));
    }

    private static ExecResult runWithTimeLimit(String scenario, Duration limit) {
        return run(ScriptRequest.newBuilder(Language.JAVASCRIPT, TestEngine.program(scenario, Language.JAVASCRIPT))
                .limits(Limits.newBuilder().executionTimeout(limit).build()));
    }

    private static String describe(ExecResult r) {
        return "exit=" + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    @Test
    void consoleFormatsLikeNode() {
        ExecResult r = run("js_console_format");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                { a: 1, b: 'x', c: [ 1, 2, { d: [Map] } ] }
                n=42 extra
                [ 1, [length]: 1 ]|%|{"k":"v"}
                <ref *1> { name: 'o', self: [Circular *1] }
                [ 1, <1 empty item>, 3 ] Set(1) { 'a' } -0 10n Symbol(q) null undefined
                """, r.stdout());
        assertEquals("to stderr { e: 1 }\n", r.stderr());
    }

    @Test
    void timersRunInNodeOrderAndReallyWait() {
        ExecResult r = run("js_timers");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("sync, nextTick, microtask, promise, timeout 0, immediate, interval x3, timeout 150\nwaited\n",
                r.stdout());
    }

    @Test
    void topLevelAwaitRunsTheCodeAsAModule() {
        ExecResult r = runCode("await new Promise(r => setTimeout(r, 10)); console.log('done')");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("done\n", r.stdout());
    }

    @Test
    void topLevelAwaitThatCanNeverSettleExitsWith13() {
        ExecResult r = run("js_unsettled_await");
        assertEquals(13, r.exitCode(), describe(r));
        assertEquals("waiting\n", r.stdout());
        assertTrue(r.stderr().contains("unsettled top-level await"), describe(r));
    }

    @Test
    void stdinArrivesAsDataAndEndEvents() {
        ExecResult r = run(ScriptRequest.newBuilder(Language.JAVASCRIPT,
                TestEngine.program("js_stdin_events", Language.JAVASCRIPT)).stdin("line1\nline2\n"));
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("events: \"line1\\nline2\\n\"\n", r.stdout());
    }

    @Test
    void stdinCanBeIteratedAsyncAndByReadlineLines() {
        ExecResult r = run(ScriptRequest.newBuilder(Language.JAVASCRIPT,
                TestEngine.program("js_stdin_async_iteration", Language.JAVASCRIPT)).stdin("line1\nline2\n"));
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("iterated: \"line1\\nline2\\n\" lines: [\"line1\",\"line2\"]\n", r.stdout());
    }

    @Test
    void stdinIsReadableWithReadFileSyncOnFdZeroAndDevStdin() {
        ExecResult r = run(ScriptRequest.newBuilder(Language.JAVASCRIPT,
                "const fs = require('fs'); console.log(fs.readFileSync(0, 'utf8') === fs.readFileSync('/dev/stdin', 'utf8'), fs.readFileSync(0).toString())")
                .stdin("héllo"));
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("true héllo\n", r.stdout());
    }

    @Test
    void processHasArgvEnvHrtimeStreamsAndExitCode() {
        ExecResult r = run(ScriptRequest.newBuilder(Language.JAVASCRIPT,
                TestEngine.program("js_process", Language.JAVASCRIPT)).args(List.of("a", "b")).env(Map.of("K1", "v1")));
        assertEquals(3, r.exitCode(), describe(r));
        assertEquals("4 /usr/local/bin/node /code/main.js a,b\nlinux {\"K1\":\"v1\"}\ntrue bigint\nno newline|exit event 3\n",
                r.stdout());
        assertEquals("err|", r.stderr());
    }

    @Test
    void processExitStopsAtOnceWithItsCode() {
        ExecResult r = runCode("setTimeout(() => console.log('never'), 10); console.log('bye'); process.exit(7); console.log('after')");
        assertEquals(7, r.exitCode(), describe(r));
        assertEquals("bye\n", r.stdout());
    }

    @Test
    void webGlobalsWork() {
        ExecResult r = run("js_web_globals");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                14 héllo €𝄞
                aGVsbG8= hello
                https://example.com/b/c?x=1&y=two%20words#top example.com /b/c two words
                ?x=1&y=two+words&z=a+b
                q=x+y&n=1 q,n
                true true 2 0 true
                true true
                32 true
                number true
                """, r.stdout());
    }

    @Test
    void requireGivesBuiltInShimsAndRefusesTheRest() {
        ExecResult r = run("js_require");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("ping 1\na:1 { x: [ 1 ] }\nMODULE_NOT_FOUND\nMODULE_NOT_FOUND\nMODULE_NOT_FOUND\nobject object true\n",
                r.stdout());
    }

    @Test
    void unhandledRejectionFailsTheRunLikeNode() {
        ExecResult r = run("js_unhandled_rejection");
        assertEquals(1, r.exitCode(), describe(r));
        assertEquals("before\n", r.stdout());
        assertTrue(r.stderr().startsWith("Error: rejected later\n    at load (/code/main.js:4:9)"), describe(r));
    }

    @Test
    void uncaughtErrorShowsNodeStyleFramesOfUserCodeOnly() {
        ExecResult r = run("uncaught_error");
        assertEquals(1, r.exitCode(), describe(r));
        assertEquals("Error: boom\n    at fail (/code/main.js:2:9)\n    at Object.<anonymous> (/code/main.js:4:1)\n",
                r.stderr());
    }

    @Test
    void errorThrownInATimerFailsTheRun() {
        ExecResult r = run("js_timer_error");
        assertEquals(1, r.exitCode(), describe(r));
        assertEquals("RangeError: from a timer\n    at later (/code/main.js:2:9)\n", r.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"js_microtask_storm", "js_interval_storm", "js_long_sleep", "js_redos"})
    void timeLimitStopsGuestsThatNeverFinish(String scenario) {
        ExecResult r = runWithTimeLimit(scenario, Duration.ofMillis(1500));
        assertEquals(io.corral.api.Outcome.TIMED_OUT_STATUS, r.exitCode(), describe(r));
        assertFalse(r.stdout().isEmpty(), "output written before the limit is kept: " + describe(r));
        assertTrue(r.outcome().isTimedOut() && r.outcome().notes().contains("time limit of 1.5 s exceeded"), describe(r));
    }

    @Test
    void javaPolyglotAndLoadStayUnavailable() {
        ExecResult r = runCode("console.log(typeof Java, typeof Polyglot, typeof load, typeof print, typeof quit)");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("undefined undefined undefined undefined undefined\n", r.stdout());
    }
}
