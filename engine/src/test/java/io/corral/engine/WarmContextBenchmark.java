package io.corral.engine;

import io.corral.api.Language;
import io.corral.api.ScriptRequest;

/**
 * Per-execution latency with and without contexts created ahead of time, measured in one run (a
 * ratio, not absolute times: the machines are shared). Not a test; run it by hand with the JIT
 * (see docs/architecture.md for the command and the last numbers):
 *
 * <pre>{@code
 * java ... io.corral.engine.WarmContextBenchmark PYTHON pass
 * }</pre>
 */
public final class WarmContextBenchmark {

    private WarmContextBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Language lang = Language.valueOf(args.length > 0 ? args[0] : "PYTHON");
        String code = args.length > 1 ? args[1] : "pass";
        int n = 10;
        double[] mean = new double[2];
        for (int warm = 0; warm <= 1; warm++) {
            try (ExecutionEngine e = ExecutionEngine.newBuilder().languages(lang).warmContexts(warm).concurrency(1)
                    .build()) {
                for (int i = 0; i < 5; i++) {
                    e.run(ScriptRequest.of(lang, code));
                }
                long total = 0;
                for (int i = 0; i < n; i++) {
                    // a client's think time between requests, in which a warm context can be made
                    Thread.sleep(1500);
                    long t0 = System.nanoTime();
                    e.run(ScriptRequest.of(lang, code));
                    total += System.nanoTime() - t0;
                }
                mean[warm] = total / 1e6 / n;
                System.out.printf("%s warmContexts=%d: %.0f ms per execution (mean of %d)%n", lang, warm, mean[warm], n);
            }
        }
        System.out.printf("ratio warm/cold: %.2f%n", mean[1] / mean[0]);
    }
}
