package io.corral.engine.lang.ruby;

import io.corral.api.ExecResult;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ruby behaves like CRuby for scripts: stdin, ENV, ARGV, exits, errors, the pure-Ruby stdlib. On the
 * shared engine Ruby runs in worker processes (its default); what only in-process Ruby does runs on
 * {@link TestEngine#rubyInProcess()}. Worker-only abilities: {@code RubyWorkerTest}.
 */
class RubyScriptTest {

    private static ExecResult run(RubyMode mode, ScriptRequest request) {
        return mode.engine().run(request).scriptResult();
    }

    private static ExecResult run(RubyMode mode, String scenario) {
        return run(mode, ScriptRequest.of(Language.RUBY, TestEngine.program(scenario, Language.RUBY)));
    }

    private static String describe(ExecResult r) {
        return "exit=" + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void stdinReadsLineByLineThroughGetsStdinAndReadlines(RubyMode mode) {
        ExecResult r = run(mode, ScriptRequest.newBuilder(Language.RUBY, TestEngine.program("rb_stdin_lines", Language.RUBY))
                .stdin("one\ntwo\nthree\nfour").env("K1", "v1").build());
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("[\"one\\n\", \"two\", [\"three\\n\", \"four\"], nil, [], {\"K1\"=>\"v1\"}, "
                + "\"/code/main.rb\"]\n", r.stdout());
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void stdinReadReturnsEverything(RubyMode mode) {
        ExecResult r = run(mode, ScriptRequest.newBuilder(Language.RUBY, "puts STDIN.read.reverse").stdin("hello").build());
        assertEquals("olleh\n", r.stdout(), describe(r));
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void uncaughtErrorIsReportedAsCRubyDoes(RubyMode mode) {
        ExecResult r = run(mode, "rb_error_report");
        assertEquals(1, r.exitCode(), describe(r));
        assertEquals("/code/main.rb:2:in `fail': boom (ArgumentError)\n\tfrom /code/main.rb:5:in `<main>'\n",
                r.stderr());
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void syntaxErrorNamesTheScriptLineAndNoInternals(RubyMode mode) {
        ExecResult r = run(mode, "syntax_error");
        assertEquals(1, r.exitCode(), describe(r));
        assertTrue(r.stderr().startsWith("/code/main.rb:1: "), describe(r));
        assertTrue(r.stderr().contains("(SyntaxError)"), describe(r));
        assertTrue(r.stderr().endsWith("\n"), describe(r));
        assertTrue(!r.stderr().contains("internal") && !r.stderr().contains("corral"), describe(r));
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void exitBangEndsAtOnceWithItsStatusSkippingRescueAndAtExit(RubyMode mode) {
        ExecResult r = run(mode, "rb_exit_bang");
        assertEquals(4, r.exitCode(), describe(r));
        assertEquals("before\n", r.stdout());
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void atExitHandlersRunWhenTheScriptEnds(RubyMode mode) {
        ExecResult r = run(mode, ScriptRequest.of(Language.RUBY, "at_exit { puts 'last' }; puts 'first'; exit 2"));
        assertEquals(2, r.exitCode(), describe(r));
        assertEquals("first\nlast\n", r.stdout());
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void thePureRubyStandardLibraryLoads(RubyMode mode) {
        ExecResult r = run(mode, "rb_stdlib");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                #<Set: {1, 2, 3}>
                {"a"=>[1, 2.5, nil, "é", 123456789012345678901234567890]}
                {"b":[true,null],"c":1}
                8
                "aGk="
                "ba7816bf8f01cfea"
                "900150983cd24fb0d6963f7d28e17f72"
                ["x\\n", "y"]
                1
                "3"
                ["a", "b c"]
                "2"
                [2, 3, 5]
                -2
                "example.com"
                """, r.stdout());
    }

    @Test
    void librariesThatCannotLoadInProcessSaySoAndNameTheLibrary() {
        ExecResult r = TestEngine.rubyInProcess().run(ScriptRequest.of(Language.RUBY,
                TestEngine.program("rb_missing_library", Language.RUBY))).scriptResult();
        assertEquals(0, r.exitCode(), describe(r));
        String[] lines = r.stdout().split("\n");
        assertEquals(4, lines.length, describe(r));
        assertTrue(lines[0].startsWith("date: cannot load such file -- date_core (date_core is a native extension"),
                describe(r));
        assertTrue(lines[0].contains("process isolation"), describe(r));
        assertTrue(lines[1].startsWith("zlib: cannot load such file -- zlib (zlib is a native extension"), describe(r));
        assertTrue(lines[2].startsWith("no_such_library: cannot load such file -- no_such_library"), describe(r));
        assertEquals("load: LoadError", lines[3]);
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void processesAndHostFilesStayOutOfReach(RubyMode mode) {
        ExecResult r = run(mode, ScriptRequest.of(Language.RUBY,
                "[-> { `id` }, -> { system('id') }, -> { IO.popen('id').read }, -> { File.read('/etc/passwd') }]"
                        + ".each { |f| begin; p f.call; rescue Exception => e; puts \"refused #{e.class}\"; end }"));
        assertTrue(r.stdout().lines().allMatch(l -> l.startsWith("refused")), describe(r));
        assertEquals(4, r.stdout().lines().count(), describe(r));
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void symbolsOfOneExecutionAreNotVisibleToTheNext(RubyMode mode) {
        run(mode, ScriptRequest.of(Language.RUBY, "p 'corral_secret_symbol_7'.to_sym"));
        ExecResult r = run(mode, ScriptRequest.of(Language.RUBY,
                "p Symbol.all_symbols.map(&:to_s).grep(/corral_secret_symbol/)"));
        assertEquals("[]\n", r.stdout(), describe(r));
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void errorReportNamesTheStandardLibraryAsCRubyDoesNotWhereTheHostKeepsIt(RubyMode mode) {
        ExecResult r = run(mode, ScriptRequest.of(Language.RUBY, "require 'shellwords'\nShellwords.split('\"open')"));
        assertEquals(1, r.exitCode(), describe(r));
        assertTrue(r.stderr().startsWith("/usr/lib/ruby/3.3.0/shellwords.rb:"), describe(r));
        assertTrue(r.stderr().contains("(ArgumentError)"), describe(r));
        assertTrue(!r.stderr().contains("ruby-home") && !r.stderr().contains(System.getProperty("user.home")), describe(r));
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void errorReportNamesTopLevelBlocksAsCRubyDoes(RubyMode mode) {
        ExecResult r = run(mode, ScriptRequest.of(Language.RUBY, "[1].each do |i|\n  [2].each { |j| raise 'x' }\nend"));
        assertEquals(1, r.exitCode(), describe(r));
        assertEquals("/code/main.rb:2:in `block (2 levels) in <main>': x (RuntimeError)\n", r.stderr().lines().findFirst()
                .orElse("") + "\n", describe(r));
        assertTrue(r.stderr().contains("\tfrom /code/main.rb:2:in `block in <main>'\n"), describe(r));
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void stackOverflowReportCarriesNoJavaFrame(RubyMode mode) {
        ExecResult r = run(mode, ScriptRequest.of(Language.RUBY, "def deep(n) = deep(n + 1) + 1\ndeep(0)"));
        assertEquals(1, r.exitCode(), describe(r));
        assertTrue(r.stderr().contains("(SystemStackError)"), describe(r));
        assertTrue(!r.stderr().contains(".java:") && !r.stderr().contains("com.oracle"), describe(r));
    }

    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void atExitHandlersSeeTheExceptionThatEndedTheScript(RubyMode mode) {
        ExecResult r = run(mode, ScriptRequest.of(Language.RUBY,
                "at_exit { puts \"ended by #{$!.inspect}\" }\nat_exit { puts \"status #{$!.status}\" if $! }\nexit 3"));
        assertEquals(3, r.exitCode(), describe(r));
        assertEquals("status 3\nended by #<SystemExit: exit>\n", r.stdout());
        r = run(mode, ScriptRequest.of(Language.RUBY, "at_exit { puts \"ended by #{$!.inspect}\" }\nputs 'done'"));
        assertEquals("done\nended by nil\n", r.stdout(), describe(r));
    }
}
