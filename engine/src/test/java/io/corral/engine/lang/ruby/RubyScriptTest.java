package io.corral.engine.lang.ruby;

import io.corral.api.ExecResult;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In-process Ruby behaves like CRuby for scripts: stdin, ENV, ARGV, exits, errors, the pure-Ruby stdlib. */
class RubyScriptTest {

    private static ExecResult run(ScriptRequest request) {
        return TestEngine.shared().run(request).scriptResult();
    }

    private static ExecResult run(String scenario) {
        return run(ScriptRequest.of(Language.RUBY, TestEngine.program(scenario, Language.RUBY)));
    }

    private static String describe(ExecResult r) {
        return "exit=" + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    @Test
    void stdinReadsLineByLineThroughGetsStdinAndReadlines() {
        ExecResult r = run(ScriptRequest.newBuilder(Language.RUBY, TestEngine.program("rb_stdin_lines", Language.RUBY))
                .stdin("one\ntwo\nthree\nfour").env("K1", "v1").build());
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("[\"one\\n\", \"two\", [\"three\\n\", \"four\"], nil, [], {\"K1\"=>\"v1\"}, "
                + "\"/code/main.rb\"]\n", r.stdout());
    }

    @Test
    void stdinReadReturnsEverything() {
        ExecResult r = run(ScriptRequest.newBuilder(Language.RUBY, "puts STDIN.read.reverse").stdin("hello").build());
        assertEquals("olleh\n", r.stdout(), describe(r));
    }

    @Test
    void uncaughtErrorIsReportedAsCRubyDoes() {
        ExecResult r = run("rb_error_report");
        assertEquals(1, r.exitCode(), describe(r));
        assertEquals("/code/main.rb:2:in `fail': boom (ArgumentError)\n\tfrom /code/main.rb:5:in `<main>'\n",
                r.stderr());
    }

    @Test
    void syntaxErrorNamesTheScriptLineAndNoInternals() {
        ExecResult r = run("syntax_error");
        assertEquals(1, r.exitCode(), describe(r));
        assertTrue(r.stderr().startsWith("/code/main.rb:1: "), describe(r));
        assertTrue(r.stderr().contains("(SyntaxError)"), describe(r));
        assertTrue(r.stderr().endsWith("\n"), describe(r));
        assertTrue(!r.stderr().contains("internal") && !r.stderr().contains("corral"), describe(r));
    }

    @Test
    void exitBangEndsAtOnceWithItsStatusSkippingRescueAndAtExit() {
        ExecResult r = run("rb_exit_bang");
        assertEquals(4, r.exitCode(), describe(r));
        assertEquals("before\n", r.stdout());
    }

    @Test
    void atExitHandlersRunWhenTheScriptEnds() {
        ExecResult r = run(ScriptRequest.of(Language.RUBY, "at_exit { puts 'last' }; puts 'first'; exit 2"));
        assertEquals(2, r.exitCode(), describe(r));
        assertEquals("first\nlast\n", r.stdout());
    }

    @Test
    void thePureRubyStandardLibraryLoads() {
        ExecResult r = run("rb_stdlib");
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
        ExecResult r = run("rb_missing_library");
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

    @Test
    void processesAndHostFilesStayOutOfReach() {
        ExecResult r = run(ScriptRequest.of(Language.RUBY,
                "[-> { `id` }, -> { system('id') }, -> { IO.popen('id').read }, -> { File.read('/etc/passwd') }]"
                        + ".each { |f| begin; p f.call; rescue Exception => e; puts \"refused #{e.class}\"; end }"));
        assertTrue(r.stdout().lines().allMatch(l -> l.startsWith("refused")), describe(r));
        assertEquals(4, r.stdout().lines().count(), describe(r));
    }

    @Test
    void symbolsOfOneExecutionAreNotVisibleToTheNext() {
        run(ScriptRequest.of(Language.RUBY, "p 'corral_secret_symbol_7'.to_sym"));
        ExecResult r = run(ScriptRequest.of(Language.RUBY,
                "p Symbol.all_symbols.map(&:to_s).grep(/corral_secret_symbol/)"));
        assertEquals("[]\n", r.stdout(), describe(r));
    }

    @Test
    void errorReportNamesTheStandardLibraryAsCRubyDoesNotWhereTheHostKeepsIt() {
        ExecResult r = run(ScriptRequest.of(Language.RUBY, "require 'shellwords'\nShellwords.split('\"open')"));
        assertEquals(1, r.exitCode(), describe(r));
        assertTrue(r.stderr().startsWith("/usr/lib/ruby/3.3.0/shellwords.rb:"), describe(r));
        assertTrue(r.stderr().contains("(ArgumentError)"), describe(r));
        assertTrue(!r.stderr().contains("ruby-home") && !r.stderr().contains(System.getProperty("user.home")), describe(r));
    }

    @Test
    void errorReportNamesTopLevelBlocksAsCRubyDoes() {
        ExecResult r = run(ScriptRequest.of(Language.RUBY, "[1].each do |i|\n  [2].each { |j| raise 'x' }\nend"));
        assertEquals(1, r.exitCode(), describe(r));
        assertEquals("/code/main.rb:2:in `block (2 levels) in <main>': x (RuntimeError)\n", r.stderr().lines().findFirst()
                .orElse("") + "\n", describe(r));
        assertTrue(r.stderr().contains("\tfrom /code/main.rb:2:in `block in <main>'\n"), describe(r));
    }

    @Test
    void stackOverflowReportCarriesNoJavaFrame() {
        ExecResult r = run(ScriptRequest.of(Language.RUBY, "def deep(n) = deep(n + 1) + 1\ndeep(0)"));
        assertEquals(1, r.exitCode(), describe(r));
        assertTrue(r.stderr().contains("(SystemStackError)"), describe(r));
        assertTrue(!r.stderr().contains(".java:") && !r.stderr().contains("com.oracle"), describe(r));
    }

    @Test
    void atExitHandlersSeeTheExceptionThatEndedTheScript() {
        ExecResult r = run(ScriptRequest.of(Language.RUBY,
                "at_exit { puts \"ended by #{$!.inspect}\" }\nat_exit { puts \"status #{$!.status}\" if $! }\nexit 3"));
        assertEquals(3, r.exitCode(), describe(r));
        assertEquals("status 3\nended by #<SystemExit: exit>\n", r.stdout());
        r = run(ScriptRequest.of(Language.RUBY, "at_exit { puts \"ended by #{$!.inspect}\" }\nputs 'done'"));
        assertEquals("done\nended by nil\n", r.stdout(), describe(r));
    }
}
