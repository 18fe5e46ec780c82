package io.corral.engine;

import io.corral.api.Execution;
import io.corral.api.FunctionRequest;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The warm per-execution path, end to end: one engine with contexts created ahead of time, a
 * trivial program with a new source every time, paced so the pool refills between runs; prints
 * p50/p90/p99 of {@code engine.run(...)}. Not a test; run it by hand in a JVM with the JIT
 * ({@code bin/warm-path-bench.sh}):
 *
 * <pre>{@code
 * java ... io.corral.engine.WarmPathBenchmark [languages=PYTHON,JAVASCRIPT] [runs=200] [pauseMs=500] [warm=2]
 *     [function=false] [warmTool=false] [instanceUses=10000] [concurrency=2]
 * }</pre>
 *
 * <p>{@code warmTool=true} calls one tool with warm instances instead ({@code engine.executeTool}, the
 * same revision, a new input each time), so every measured call runs in the instance that loaded the
 * code: only {@code execute(input)} runs. Use {@code pauseMs=0} (nothing refills) and a long warm-up:
 * GraalPy needs thousands of calls before the call path is compiled ({@code docs/performance.md}).
 * {@code instanceUses} sets {@code ExecutionEngine.Builder.warmInstanceUses}.
 */
public final class WarmPathBenchmark {

    private WarmPathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> a = new java.util.HashMap<>();
        for (String s : args) {
            int eq = s.indexOf('=');
            a.put(s.substring(0, eq), s.substring(eq + 1));
        }
        List<Language> langs = new ArrayList<>();
        for (String l : a.getOrDefault("languages", "PYTHON,JAVASCRIPT").split(",")) {
            langs.add(Language.valueOf(l));
        }
        int runs = Integer.parseInt(a.getOrDefault("runs", "200"));
        int warmupRuns = Integer.parseInt(a.getOrDefault("warmup", "60"));
        long pause = Long.parseLong(a.getOrDefault("pauseMs", "500"));
        int warm = Integer.parseInt(a.getOrDefault("warm", "2"));
        boolean function = Boolean.parseBoolean(a.getOrDefault("function", "false"));
        boolean warmTool = Boolean.parseBoolean(a.getOrDefault("warmTool", "false"));
        ExecutionEngine.Builder builder = ExecutionEngine.newBuilder();
        if (a.containsKey("instanceUses")) {
            builder.warmInstanceUses(Integer.parseInt(a.get("instanceUses")));
        }
        try (ExecutionEngine e = builder.languages(langs.toArray(Language[]::new))
                .warmContexts(warm).concurrency(Integer.parseInt(a.getOrDefault("concurrency", "2"))).build()) {
            System.out.println("truffle runtime: " + e.truffleRuntime());
            e.warmUp();
            for (Language lang : langs) {
                io.corral.api.Tool tool = !warmTool ? null : e.createTool(io.corral.api.ToolSpec.newBuilder(
                        "increment-" + lang.wireName(), lang, functionCode(lang, 0)).warmInstances(true).build());
                long[] ns = new long[runs];
                for (int i = -warmupRuns; i < runs; i++) {
                    Thread.sleep(i < 0 ? Math.min(pause, 150) : pause);
                    int n = i + 1000;
                    long t0 = System.nanoTime();
                    Execution ex = warmTool ? e.executeTool(tool.id(), io.corral.api.ToolExecuteRequest.newBuilder()
                            .inputJson("{\"n\":" + n + "}").build())
                            : function ? e.call(FunctionRequest.newBuilder(lang, functionCode(lang, n))
                            .inputJson("{\"n\":" + n + "}").build()) : e.run(ScriptRequest.of(lang, scriptCode(lang, n)));
                    long t = System.nanoTime() - t0;
                    String out = function || warmTool ? String.valueOf(ex.functionResult().outputJson())
                            : ex.scriptResult().stdout().strip();
                    String expected = Integer.toString(n + 1);
                    if (!out.equals(expected)) {
                        throw new IllegalStateException(lang + ": expected " + expected + ", got " + out + " / "
                                + ex);
                    }
                    if (i >= 0) {
                        ns[i] = t;
                    }
                }
                Arrays.sort(ns);
                String mode = warmTool ? "warm-tool" : function ? "function" : "script";
                System.out.printf("%-10s %s warm=%d runs=%d: p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  min %.2f ms%n",
                        lang, mode, warm, runs, ms(ns, 0.50), ms(ns, 0.90), ms(ns, 0.99), ns[0] / 1e6);
            }
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static String scriptCode(Language lang, int n) {
        return switch (lang) {
            case PYTHON -> "print(" + n + "+1)";
            case JAVASCRIPT, TYPESCRIPT -> "console.log(" + n + "+1)";
            case RUBY -> "puts " + n + "+1";
            case PHP -> "<?php echo " + n + "+1, \"\\n\";";
        };
    }

    private static String functionCode(Language lang, int n) {
        return switch (lang) {
            case PYTHON -> "def execute(input):\n    return input['n'] + 1  # " + n + "\n";
            case JAVASCRIPT, TYPESCRIPT -> "function execute(input) { return input.n + 1; } // " + n;
            case RUBY -> "def execute(input)\n  input['n'] + 1 # " + n + "\nend\n";
            case PHP -> "<?php function execute($input) { return $input['n'] + 1; } // " + n;
        };
    }
}
