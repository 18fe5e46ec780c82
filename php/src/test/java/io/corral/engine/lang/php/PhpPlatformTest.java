package io.corral.engine.lang.php;

import io.corral.api.ExecResult;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the WebAssembly build of PHP does differently from PHP on Linux, and how Corral answers:
 * the platform PHP reports, and Fibers, which need stack switching the build does not have.
 */
class PhpPlatformTest {

    private static ExecResult run(String code) {
        return TestEngine.shared().run(ScriptRequest.of(Language.PHP, code)).scriptResult();
    }

    private static String describe(ExecResult r) {
        return "exit=" + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    @Test
    void phpOsFamilyIsLinuxAsOnThePhpItStandsIn() {
        ExecResult r = run("<?php $k = ['Linux' => 'found']; echo PHP_OS_FAMILY, ' ', PHP_OS, ' ', $k[PHP_OS_FAMILY], ' ',"
                + " constant('PHP_OS_FAMILY'), ' ', get_defined_constants(true)['Core']['PHP_OS_FAMILY'], \"\\n\";");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("Linux Linux found Linux Linux\n", r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void startingAFiberThrowsACatchableExceptionThatSaysWhy() {
        ExecResult r = run("<?php try { $f = new Fiber(function () { Fiber::suspend(1); }); $f->start(); }"
                + " catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), \"\\n\"; } echo \"still running\\n\";");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("Exception: Fiber is not available: this PHP runs as WebAssembly\nstill running\n", r.stdout());
    }

    @Test
    void anUncaughtFiberExceptionIsAnOrdinaryFatalError() {
        ExecResult r = run("<?php (new Fiber(fn () => 1))->start();");
        assertEquals(255, r.exitCode(), describe(r));
        assertTrue(r.stderr().contains("Uncaught Exception: Fiber is not available"), describe(r));
    }

    @Test
    void aFiberWithItsStackSizeRaisedEndsTheRunNamingTheReason() {
        ExecResult r = run("<?php ini_set('fiber.stack_size', '1M'); echo \"before\\n\"; (new Fiber(fn () => 1))->start();");
        assertEquals(255, r.exitCode(), describe(r));
        assertEquals("before\n", r.stdout());
        assertTrue(r.stderr().contains("PHP runtime error") && r.stderr().contains("getcontext")
                && r.stderr().contains("Fiber is not available"), describe(r));
    }
}
