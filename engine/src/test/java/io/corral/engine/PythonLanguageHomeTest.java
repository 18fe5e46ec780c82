package io.corral.engine;

import io.corral.api.ExecResult;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GraalPy's language home is a host path: guests neither see it in tracebacks nor climb out of it. */
class PythonLanguageHomeTest {

    private static ExecResult run(ScriptRequest request) {
        return TestEngine.shared().run(request).scriptResult();
    }

    private static String describe(ExecResult r) {
        return "exit=" + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    @org.junit.jupiter.api.Test
    void pythonTracebacksDoNotNameTheHostsLanguageHome() {
        ExecResult r = run(ScriptRequest.of(Language.PYTHON, "import json\njson.loads('{')\n"));
        assertEquals(1, r.exitCode(), describe(r));
        assertTrue(r.stderr().contains("/usr/local/lib/python3.12/json/"), describe(r));
        assertFalse(r.stderr().contains(".cache"), describe(r));
        assertFalse(r.stderr().contains(System.getProperty("user.home") + "/"), describe(r));
    }

    @org.junit.jupiter.api.Test
    void pythonCannotClimbOutOfItsLanguageHome() {
        ExecResult r = run(ScriptRequest.of(Language.PYTHON, String.join("\n",
                "import os, sys",
                "up = sys.prefix + '/..' * 12",
                "for attempt in (lambda: open(up + '/etc/passwd').read(), lambda: os.listdir(up)):",
                "    try:",
                "        print('reached', attempt()[:20])",
                "    except OSError as e:",
                "        print('refused', type(e).__name__)")));
        assertEquals(0, r.exitCode(), describe(r));
        // climbing lands in the guest's own in-memory root, never in the host's
        assertEquals("refused FileNotFoundError\nreached ['mnt', 'tmp']\n", r.stdout(), describe(r));
    }
}
