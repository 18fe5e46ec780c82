package io.corral.engine.lang.php;

import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.ExecutionEngine;

import java.util.Arrays;

/**
 * Per-execution cost of PHP against an empty JavaScript execution on the same engine, in the
 * same run (a ratio, so a noisy shared machine still gives a comparable number). Not a test:
 * run it by hand, with the JIT for numbers that mean something, e.g.
 * {@code java -cp "$(cat cp.txt)" io.corral.engine.lang.php.PhpCostBenchmark 20}.
 */
public final class PhpCostBenchmark {

    private PhpCostBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (ExecutionEngine engine = ExecutionEngine.newBuilder().languages(Language.PHP, Language.JAVASCRIPT).build()) {
            long first = time(engine, ScriptRequest.of(Language.PHP, "<?php echo 1;"));
            time(engine, ScriptRequest.of(Language.JAVASCRIPT, ";"));
            long[] php = new long[rounds];
            long[] js = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                php[i] = time(engine, ScriptRequest.of(Language.PHP, "<?php echo 1;"));
                js[i] = time(engine, ScriptRequest.of(Language.JAVASCRIPT, ";"));
            }
            long phpMedian = median(php);
            long jsMedian = Math.max(1, median(js));
            System.out.printf("first PHP execution: %d ms%n", first);
            System.out.printf("median of %d: PHP %d ms, empty JavaScript %d ms, ratio %.0fx (runtime %s)%n", rounds,
                    phpMedian, jsMedian, (double) phpMedian / jsMedian, engine.truffleRuntime());
        }
    }

    private static long time(ExecutionEngine engine, ScriptRequest request) {
        long t0 = System.nanoTime();
        engine.run(request);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
