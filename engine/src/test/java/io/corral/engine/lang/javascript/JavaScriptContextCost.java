package io.corral.engine.lang.javascript;

import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.ExecutionEngine;

import java.util.Arrays;

/**
 * What a JavaScript execution costs with contexts made on demand and made ahead of time, for a
 * trivial program and for one that requires the modules that load on first use. Not a test: run it
 * by hand with the JIT (the launcher's JVM flags; docs/languages/javascript.md has the last numbers):
 *
 * <pre>{@code
 * java <flags of ./corral> -cp engine/target/test-classes:<jars> io.corral.engine.lang.javascript.JavaScriptContextCost
 * }</pre>
 */
public final class JavaScriptContextCost {

    private static final int RUNS = 50;

    private JavaScriptContextCost() {
    }

    public static void main(String[] args) throws Exception {
        String trivial = "console.log(1)";
        String modules = "console.log(Buffer.from('hi').toString('base64'), require('crypto').createHash('sha256')"
                + ".update('a').digest('hex').length, require('path').join('/a', 'b'), require('zlib').crc32('x'))";
        for (int warm = 0; warm <= 1; warm++) {
            try (ExecutionEngine e = ExecutionEngine.newBuilder().languages(Language.JAVASCRIPT).warmContexts(warm)
                    .concurrency(1).build()) {
                measure(e, "trivial", trivial, warm);
                if (args.length == 0 || !args[0].equals("trivial-only")) {
                    measure(e, "modules", modules, warm);
                }
            }
        }
    }

    private static void measure(ExecutionEngine e, String name, String code, int warm) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            e.run(ScriptRequest.of(Language.JAVASCRIPT, code));
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            // a pause in which a context made ahead of time can be replaced
            Thread.sleep(warm == 1 ? 50 : 5);
            long t0 = System.nanoTime();
            e.run(ScriptRequest.of(Language.JAVASCRIPT, code));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-8s warmContexts=%d: median %.1f ms, mean %.1f ms (%d executions)%n", name, warm,
                ms[RUNS / 2], Arrays.stream(ms).average().orElse(0), RUNS);
    }
}
