package io.corral.engine.isolation;

import io.corral.api.Execution;
import io.corral.api.Language;
import io.corral.api.Outcome;
import io.corral.api.ScriptRequest;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a worker process, {@code memory_size} is the OS's business: a guest that holds more than its
 * memory class ends with 137 and {@code memory limit of N MiB exceeded}, its worker is replaced, and
 * a program that churns through ten times its limit while holding little completes.
 */
class ProcessMemoryLimitTest {

    private static Execution run(Language language, String code) {
        return TestEngine.process().run(ScriptRequest.of(language, code));
    }

    private static void assertBreach(Execution x) {
        assertEquals(Outcome.Kind.MEMORY_LIMIT, x.outcome().kind(), x.notices() + x.scriptResult().stderr());
        assertEquals(137, x.exitCode());
        assertTrue(x.notices().contains("memory limit of 128 MiB exceeded"), x.notices().toString());
    }

    @Test
    void aPythonBombEndsWith137AndTheNextRunWorks() {
        assertBreach(run(Language.PYTHON, "a = [bytearray(64 * 1024**2) for _ in range(64)]"));
        assertEquals("ok\n", run(Language.PYTHON, "print('ok')").scriptResult().stdout());
    }

    @Test
    void aJavaScriptBombEndsWith137AndTheNextRunWorks() {
        assertBreach(run(Language.JAVASCRIPT, "const a=[]; while(true) a.push(new Array(1e6).fill(1))"));
        assertEquals("ok\n", run(Language.JAVASCRIPT, "console.log('ok')").scriptResult().stdout());
    }

    @Test
    void churnThroughTenTimesTheLimitIsNotABreach() {
        Execution x = run(Language.PYTHON, "for _ in range(40): b = None; b = bytearray(32 * 1024**2)\nprint('ok')");
        assertEquals(Outcome.Kind.COMPLETED, x.outcome().kind(), x.notices() + x.scriptResult().stderr());
        assertEquals("ok\n", x.scriptResult().stdout());
    }
}
