package io.corral.engine.lang.ruby;

import io.corral.api.ExecResult;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.TestEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Where TruffleRuby 25.0 answers differently from CRuby, {@code compat.rb} gives CRuby's answer, in a
 * worker process and in-process alike.
 */
class RubyCompatTest {

    private static ExecResult run(RubyMode mode, String code) {
        return mode.engine().run(ScriptRequest.of(Language.RUBY, code)).scriptResult();
    }

    private static String describe(ExecResult r) {
        return "exit=" + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    /**
     * Floats print as CRuby prints them: the shortest digits that read back, the nearest such, and
     * CRuby's switch to an exponent (TruffleRuby printed 1.0000000000000002e+15, 4.6116860184273879e+18,
     * 4.9e-324, 0.00073634404728551 here). Expected: CRuby 3.1's output for the same program.
     */
    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void floatsPrintAsInCRuby(RubyMode mode) {
        ExecResult r = run(mode, """
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
    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void processPidIsANeutralNumber(RubyMode mode) {
        ExecResult r = run(mode, "p Process.pid");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("1\n", r.stdout());
    }

    /** A float whose shortest digits end in a 5 just past the precision: CRuby rounds those digits half to even (2.675 => 2.68, 12.345 => 12.34), TruffleRuby the exact binary value (2.67, 12.35); through format, String#%, printf and IO#printf, positional, named and star arguments. */
    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void formatRoundsFloatsAsCRubyDoes(RubyMode mode) {
        ExecResult r = run(mode, """
                p format('%.2f', 12.345), format('%.2f', 2.675), format('%.3e', 12.345), format('%.2f', 1.005), format('%.1f', 0.35), format('%.0f', 2.5)
                p '%.2f and %5.1f and %s' % [2.675, 0.35, 'x'], format('%<a>.2f %{b}', a: 12.345, b: 'q'), format('%*.*f|', 8, 2, 2.675), format('%2$.2f %1$s', 'z', 2.675)
                p format('%.3g', 2.675), format('%-8.2f|', -2.675), format('%+.2f', 2.675), format('%08.2f', 2.675), format('%d%%', 5)
                printf("%.2f\\n", 2.675)
                $stdout.printf("%.2f\\n", 12.345)
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                "12.34"
                "2.68"
                "1.234e+01"
                "1.00"
                "0.4"
                "2"
                "2.68 and   0.4 and x"
                "12.34 q"
                "    2.68|"
                "2.68 z"
                "2.68"
                "-2.68   |"
                "+2.68"
                "00002.68"
                "5%"
                2.68
                12.34
                """, r.stdout());
    }

    /** json's pure generator printed a nested empty object as "{\\n}"; CRuby's json (2.6, 2.7) indents its closing brace. */
    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void jsonPrettyPrintsEmptyObjectsAsCRubysJson(RubyMode mode) {
        ExecResult r = run(mode, """
                require 'json'
                puts JSON.pretty_generate('a' => {}, 'b' => [], 'c' => [{}], 'd' => { 'e' => {} }), JSON.pretty_generate({}), JSON.generate('a' => {})
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                {
                  "a": {
                  },
                  "b": [

                  ],
                  "c": [
                    {
                    }
                  ],
                  "d": {
                    "e": {
                    }
                  }
                }
                {
                }
                {"a":{}}
                """, r.stdout());
    }

    /** Integer("abc") fails with CRuby's message, the text quoted. */
    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void integerSaysWhichTextItCouldNotReadQuoted(RubyMode mode) {
        ExecResult r = run(mode, """
                ['abc', '12x', '', '1.5'].each do |text|
                  Integer(text)
                rescue ArgumentError => e
                  puts e.message
                end
                p Integer('0x1f', 16) rescue p $!.message
                p Integer('42'), Integer('0b101'), Integer('z', exception: false), Kernel.Integer('7')
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                invalid value for Integer(): "abc"
                invalid value for Integer(): "12x"
                invalid value for Integer(): ""
                invalid value for Integer(): "1.5"
                31
                42
                5
                nil
                7
                """, r.stdout());
    }

    /** Comparable#clamp with a beginless or endless range leaves that side open, as in CRuby (TruffleRuby failed). */
    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void clampWithAnOpenRange(RubyMode mode) {
        ExecResult r = run(mode, "p 5.clamp(..3), -5.clamp(0..), 2.5.clamp(..1), 'b'.clamp('c'..), 3.clamp(1..2), (5.clamp(0...3) rescue $!.message)");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("3\n0\n1\n\"c\"\n2\n\"cannot clamp with an exclusive range\"\n", r.stdout());
    }

    /** The top-level object is "main" in a NameError's message, as in CRuby 3.3 (TruffleRuby: #<Object:0x8>). */
    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void nameErrorsNameTheTopLevelObjectMain(RubyMode mode) {
        ExecResult r = run(mode, "begin; undefined_thing; rescue NameError => e; puts e.message; end\nputs ARGF.class, ARGF.class.inspect");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("undefined local variable or method `undefined_thing' for main\nARGF.class\nARGF.class\n", r.stdout());
    }
}
