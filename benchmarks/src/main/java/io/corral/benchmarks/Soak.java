package io.corral.benchmarks;

import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.ExecutionEngine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Locale;

/**
 * Many sequential executions through one engine, printing the heap after a full GC and the live
 * threads at the start, the middle and the end (and after close): what keeps growing is a leak.
 * Not a JMH benchmark; {@code bin/soak.sh} runs it with the launcher's JVM flags:
 *
 * <pre>{@code
 * bin/soak.sh javascript --executions 2000
 * bin/soak.sh ruby --isolation in-process
 * }</pre>
 */
public final class Soak {

    private Soak() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: Soak LANGUAGE [EXECUTIONS [ISOLATION]]; LANGUAGE: " + Language.allowedNames()
                    + "; ISOLATION: in-process or process (default: the language's)");
            System.exit(2);
        }
        Language lang = Language.parse(args[0]);
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        io.corral.api.Isolation isolation = args.length > 2 ? io.corral.api.Isolation.parse(args[2])
                : ExecutionEngine.defaultIsolation(lang);
        System.out.println("soak " + lang.wireName() + " " + isolation.wireName() + ", " + total + " executions");
        ExecutionEngine engine = Engines.start(lang, 2, isolation);
        long t0 = System.nanoTime();
        report(lang, "start", 0, t0);
        for (int i = 1; i <= total; i++) {
            Engines.succeeded(engine.run(ScriptRequest.of(lang, Programs.trivial(lang, i))));
            if (i == total / 2) {
                report(lang, "middle", i, t0);
            }
        }
        report(lang, "end", total, t0);
        engine.close();
        report(lang, "closed", total, t0);
    }

    private static void report(Language lang, String when, int runs, long t0) throws InterruptedException {
        // twice, with a pause: contexts closed just now may still hold memory until their cleaners run
        System.gc();
        Thread.sleep(500);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        double heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        long corral = 0;
        for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            if (t.getThreadName().startsWith("corral-")) {
                corral++;
            }
        }
        System.out.printf(Locale.ROOT, "soak %s %-6s after %5d runs (%6.1f s): heap after GC %7.1f MB, threads %3d"
                        + " (corral-* %d)%n", lang.wireName(), when, runs, (System.nanoTime() - t0) / 1e9, heapMb,
                threads, corral);
    }
}
