package io.corral.engine.lang.typescript;

import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.FunctionRequest;
import io.corral.api.FunctionResult;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.OutputStatus;
import io.corral.api.ScriptRequest;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What TypeScript adds to running JavaScript: the compiler in front of it. */
class TypeScriptTest {

    private static ExecResult run(String code) {
        return run(ScriptRequest.of(Language.TYPESCRIPT, code));
    }

    private static ExecResult run(ScriptRequest request) {
        return TestEngine.shared().run(request).scriptResult();
    }

    private static String program(String scenario) {
        return TestEngine.program(scenario, Language.TYPESCRIPT);
    }

    private static String describe(ExecResult r) {
        return "exit=" + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    /**
     * A new engine's first TypeScript run (the one-shot CLI's case): the compiler's parsed code is
     * the engine's, loaded beside the run, not counted against the run's 128 MiB (it used to be
     * loaded on the run's own thread, and the heap guard ended the run as over its memory limit).
     */
    @Test
    void aNewEnginesFirstRunIsNotChargedForLoadingTheCompiler() {
        try (io.corral.engine.ExecutionEngine engine = io.corral.engine.ExecutionEngine.newBuilder()
                .languages(Language.TYPESCRIPT).build()) {
            for (int i = 0; i < 3; i++) {
                ExecResult r = engine.run(ScriptRequest.newBuilder(Language.TYPESCRIPT,
                        "const n: number = " + i + "; console.log(n + 1)").limits(Limits.newBuilder().memorySizeMib(128)
                        .build()).build()).scriptResult();
                assertEquals(0, r.exitCode(), describe(r));
                assertEquals((i + 1) + "\n", r.stdout());
            }
        }
    }

    @Test
    void enumsNamespacesGenericsDecoratorsAndTypeImportsRun() {
        ExecResult r = run(program("ts_language_features"));
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("2 Blue\n42\ngeneric\ncalling add\n5\n", r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void mustShowEnumAndNamespaceOneLiners() {
        assertEquals("42\n", run("enum C { A = 41 } const x: number = C.A + 1; console.log(x)").stdout());
        assertEquals("7\n", run("namespace N { export function id<T>(x: T): T { return x } } console.log(N.id<number>(7))")
                .stdout());
    }

    @Test
    void importsOfNodesBuiltInModulesWorkAsTscCompilesThemForNode() {
        ExecResult r = run("""
                import * as path from 'path';
                import { createHash } from 'node:crypto';
                import fs from 'fs';
                export function double(n: number): number { return n * 2; }
                console.log(path.join('/a', '../b'), createHash('md5').update('x').digest('hex').slice(0, 6), typeof fs.readFileSync, double(21));
                throw new RangeError('line 6');
                """);
        assertEquals("/b 9dd4e4 function 42\n", r.stdout(), describe(r));
        assertTrue(r.stderr().startsWith("RangeError: line 6\n    at Object.<anonymous> (/code/main.ts:6:"), describe(r));
    }

    @Test
    void typeErrorsAreNotChecked() {
        ExecResult r = run(program("ts_type_error"));
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("not a number 42 types are not checked\n", r.stdout());
    }

    @Test
    void syntaxErrorNamesTheTypeScriptLineAndColumn() {
        ExecResult r = run(program("ts_syntax_error_deep"));
        assertEquals(1, r.exitCode(), describe(r));
        assertEquals("", r.stdout(), "nothing runs when the source does not parse");
        assertTrue(r.stderr().startsWith("/code/main.ts:3:19 - error TS1109: Expression expected."), describe(r));
    }

    @Test
    void identicalSourceGivesIdenticalResultsWhenServedFromTheCache() {
        String code = program("square_arg");
        for (int i = 2; i < 5; i++) {
            ExecResult r = run(ScriptRequest.newBuilder(Language.TYPESCRIPT, code).args(Integer.toString(i)).build());
            assertEquals((i * i) + "\n", r.stdout(), describe(r));
        }
    }

    @Test
    void timeLimitAlsoBoundsTheTranspiler() {
        // ~1 MB of fresh TypeScript (never cached: unique first line) takes the interpreted
        // compiler far longer than the limit; the run must end at the limit all the same
        String chunk = program("ts_large_program").replace("export interface Point", "interface Point");
        StringBuilder code = new StringBuilder("// " + System.nanoTime() + "\n");
        for (int i = 0; code.length() < 1000 * 1024 - chunk.length() - 40; i++) {
            code.append(chunk.replace("Point", "Point" + i).replace("shift", "shift" + i));
        }
        code.append("console.log('transpiled in time');\n");
        ExecResult r = run(ScriptRequest.newBuilder(Language.TYPESCRIPT, code.toString())
                .limits(Limits.newBuilder().executionTimeoutSeconds(1).build()).build());
        assertEquals(io.corral.api.Outcome.TIMED_OUT_STATUS, r.exitCode(), describe(r));
        assertTrue(r.outcome().isTimedOut() && r.outcome().notes().contains("time limit of 1 s exceeded"), describe(r));
        assertEquals("", r.stdout());
        // the compiler that was stopped is replaced; the next TypeScript execution still works
        ExecResult after = run(program("hello"));
        assertEquals("hello, world\n", after.stdout(), describe(after));
    }

    @Test
    @Tag("needs-functions") // top-level await arrives with the JavaScript runtime's rewrite
    void topLevelAwaitWorks() {
        ExecResult r = run(program("top_level_await"));
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("42\n", r.stdout());
    }

    @Test
    @Tag("needs-functions")
    void functionFollowsTheJavaScriptContract() {
        Execution ex = TestEngine.shared().call(FunctionRequest.newBuilder(Language.TYPESCRIPT,
                program("ts_function_increment")).inputJson("{\"n\":1}").build());
        FunctionResult f = ex.functionResult();
        assertEquals(OutputStatus.VALID, f.outputStatus(), f.execution().stderr());
        assertEquals("{\"n\":2}", f.outputJson());
        assertEquals("called\n", f.execution().stdout());
    }

    @Test
    void functionWithASyntaxErrorIsAnErrorWithTheLocation() {
        Execution ex = TestEngine.shared().call(FunctionRequest.newBuilder(Language.TYPESCRIPT,
                "function execute(input: any) { return (1 + ; }").inputJson("{}").build());
        FunctionResult f = ex.functionResult();
        assertEquals(OutputStatus.ERROR, f.outputStatus());
        assertEquals(1, f.execution().exitCode());
        assertTrue(f.execution().stderr().contains("/code/main.ts:1:"), f.execution().stderr());
    }
}
