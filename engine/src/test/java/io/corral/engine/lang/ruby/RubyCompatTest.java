package io.corral.engine.lang.ruby;

import io.corral.api.ExecResult;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where TruffleRuby 25.0 answers differently from CRuby, {@code compat.rb} gives CRuby's answer. */
class RubyCompatTest {

    private static ExecResult run(String code) {
        return TestEngine.shared().run(ScriptRequest.of(Language.RUBY, code)).scriptResult();
    }

    private static String describe(ExecResult r) {
        return "exit=" + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    /**
     * Floats print as CRuby prints them: the shortest digits that read back, the nearest such, and
     * CRuby's switch to an exponent (TruffleRuby printed 1.0000000000000002e+15, 4.6116860184273879e+18,
     * 4.9e-324, 0.00073634404728551 here). Expected: CRuby 3.1's output for the same program.
     */
    @Test
    void floatsPrintAsInCRuby() {
        ExecResult r = run("""
                p 1e15 + 0.3, 2.0**62, 5e-324, 1e15, 1e16, 123456789012345.0, 1234567890123456.7, 0.1 + 0.2, 100.0, 1.0e-5, 0.0001
                p -0.0, 1.0 / 0, 0.000736344047285514, -1.3640319540656276e+18, 9007199254740993.0, 1.7976931348623157e308, 2.2250738585072014e-308
                puts 1e15 + 0.3, [0.1 * 3].to_s, "#{2.5e-5}", 12.5.inspect
                require 'json'
                puts JSON.generate([1e15 + 0.3, 0.1, 1e20])
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                1000000000000000.2
                4.611686018427388e+18
                5.0e-324
                1.0e+15
                1.0e+16
                123456789012345.0
                1234567890123456.8
                0.30000000000000004
                100.0
                1.0e-05
                0.0001
                -0.0
                Infinity
                0.000736344047285514
                -1.3640319540656276e+18
                9.007199254740992e+15
                1.7976931348623157e+308
                2.2250738585072014e-308
                1000000000000000.2
                [0.30000000000000004]
                2.5e-05
                12.5
                [1000000000000000.2,0.1,1.0e+20]
                """, r.stdout());
    }

    /** Process.pid needs a native call; the standard library (Tempfile) asks for it. */
    @Test
    void processPidIsANeutralNumber() {
        ExecResult r = run("p Process.pid");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("1\n", r.stdout());
    }
}
