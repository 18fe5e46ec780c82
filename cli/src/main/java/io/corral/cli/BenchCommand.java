package io.corral.cli;

import io.corral.api.Configuration;
import io.corral.api.Execution;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.ScriptRequest;
import io.corral.engine.ExecutionEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code corral bench}: how fast this machine runs guest code through a warm engine, in about a
 * minute. Two numbers: the latency of one trivial script end to end (request to {@link Execution})
 * when a warm context is waiting, and the executions per second two threads sustain when every
 * context's creation and close is paid for. See docs/performance.md.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {"Measure this machine: warm latency of a trivial script (end to end, through an engine "
                + "with warm contexts, each run paced until the pool has refilled) and sustained throughput "
                + "(2 threads, closed loop, context creation and close included).", "",
                "Examples:",
                "  corral bench --language javascript",
                "  corral bench --language python --baseline --json",
                "  corral bench --language python --program fib.py --iterations 10 --duration-seconds 0"},
        sortOptions = false)
final class BenchCommand implements Callable<Integer> {

    /** What is measured unless --isolation says otherwise. */
    static final String IN_PROCESS = "in-process";

    /** Threads of the throughput phase. */
    static final int THREADS = 2;

    /** How long a paced run waits at most for the pool to refill before it runs anyway. */
    private static final Duration REFILL_BOUND = Duration.ofSeconds(10);

    /** Time limit of each measured execution (a --program may be compute-heavy). */
    private static final Duration RUN_LIMIT = Duration.ofSeconds(120);

    @ParentCommand
    CorralCommand parent;

    @Option(names = {"-l", "--language"}, paramLabel = "LANG", required = true,
            description = "python, javascript, typescript, ruby or php (any case).")
    String language;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "50",
            description = "Timed warm runs (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "100",
            description = "Untimed runs first, paced the same way, so the JIT has seen the path (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--isolation", paramLabel = "MODE", defaultValue = IN_PROCESS,
            description = "The isolation measured: in-process or process (worker JVMs in a bubblewrap sandbox; "
                    + "default ${DEFAULT-VALUE}).")
    String isolation;

    @Option(names = "--pool-size", paramLabel = "N", defaultValue = "2",
            description = "Warm contexts the engine keeps (ExecutionEngine.Builder.warmContexts; default ${DEFAULT-VALUE}).")
    int poolSize;

    @Option(names = "--pacing-ms", paramLabel = "MS", defaultValue = "20",
            description = "Pause after the pool has refilled, before the next timed run (default ${DEFAULT-VALUE}).")
    int pacingMs;

    @Option(names = "--duration-seconds", paramLabel = "S", defaultValue = "5",
            description = "Length of the throughput phase; 0 skips it (default ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--same-source", description = "Run the identical program every time (TypeScript: its "
            + "transpiled output then comes from the cache). By default each run gets a new source text, as "
            + "distinct user programs would.")
    boolean sameSource;

    @Option(names = "--program", paramLabel = "FILE", description = "Time this program (the same text every run) "
            + "instead of the trivial one; for compute-heavy comparisons. It must exit 0.")
    Path program;

    @Option(names = "--baseline", description = "Also spawn the language's usual interpreter with an empty "
            + "program (python3 -c pass, node -e 0, ruby -e 0, php -r '') as many times, and print its median and "
            + "the ratio.")
    boolean baseline;

    @Option(names = "--json", description = "Print one JSON object instead of the summary lines.")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Language lang = Language.parse(language);
        checkArguments();
        String programText = program == null ? null : GuestOptions.readFile("--program", program);
        Workload work = programText == null ? Workload.trivial(lang, sameSource) : Workload.of(lang, programText);

        io.corral.api.Isolation mode = io.corral.api.Isolation.parse(isolation);
        BenchReport report = new BenchReport(lang, mode.wireName(), iterations, warmup, poolSize, pacingMs, work.describe());
        try (ExecutionEngine engine = ExecutionEngine.newBuilder()
                .languages(lang)
                .isolation(mode)
                .configuration(Configuration.RIZA.toBuilder().maxExecutionTimeout(RUN_LIMIT).build())
                .warmContexts(poolSize)
                .concurrency(THREADS)
                .queueCapacity(THREADS)
                .build()) {
            report.truffleRuntime = engine.truffleRuntime();
            engine.warmUp();
            PacedRuns paced = new PacedRuns(engine, lang, work);
            for (int i = 0; i < warmup; i++) {
                paced.next();
            }
            paced.clear();
            for (int i = 0; i < iterations; i++) {
                paced.next();
            }
            report.latenciesMs = paced.latenciesMs;
            report.refillMs = paced.refillMs;
            if (durationSeconds > 0) {
                throughput(engine, work, report);
            }
        } catch (BenchFailed e) {
            parent.err.println("corral: bench: " + e.getMessage());
            return 1;
        }
        if (baseline) {
            report.spawn = SpawnBaseline.measure(lang, iterations);
        }
        report.jvmFlags = ManagementFactory.getRuntimeMXBean().getInputArguments();
        parent.out.println(json ? report.json() : report.summary());
        return 0;
    }

    private void checkArguments() {
        if (!List.of("in-process", "process").contains(isolation)) {
            throw new CorralCommand.UsageProblem("--isolation: '" + isolation + "' is not a mode; allowed: in-process, "
                    + "process");
        }
        positive("--iterations", iterations, 1, 1_000_000);
        positive("--warmup", warmup, 0, 1_000_000);
        positive("--pool-size", poolSize, 1, 64);
        positive("--pacing-ms", pacingMs, 0, 60_000);
        positive("--duration-seconds", durationSeconds, 0, 3600);
        if (program != null && sameSource) {
            throw new CorralCommand.UsageProblem("--same-source: a --program always runs the same text; "
                    + "allowed: one of --program FILE or --same-source");
        }
    }

    private static void positive(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new CorralCommand.UsageProblem(option + ": " + value + " is out of range; allowed: " + min + ".."
                    + max);
        }
    }

    /** Two threads run back to back for the window; every run pays its context's creation and close. */
    private void throughput(ExecutionEngine engine, Workload work, BenchReport report) throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        AtomicLong sequence = new AtomicLong(1_000_000);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(durationSeconds).toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                loops.add(threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        work.check(engine.run(work.request(sequence.incrementAndGet())));
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> loop : loops) {
                try {
                    loop.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof BenchFailed failed) {
                        throw failed;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            threads.shutdownNow();
        }
        // the runs still under way when the window closed are counted, and so is the time they took
        double seconds = (System.nanoTime() - start) / 1e9;
        report.throughputExecutions = done.get();
        report.throughputSeconds = seconds;
    }

    /** Runs one at a time, each after the pool has refilled and a fixed pause, timing only the run. */
    private final class PacedRuns {
        final ExecutionEngine engine;
        final Language lang;
        final Workload work;
        final List<Double> latenciesMs = new ArrayList<>();
        final List<Double> refillMs = new ArrayList<>();
        long sequence;

        PacedRuns(ExecutionEngine engine, Language lang, Workload work) {
            this.engine = engine;
            this.lang = lang;
            this.work = work;
        }

        void next() throws InterruptedException {
            long refillStart = System.nanoTime();
            long bound = refillStart + REFILL_BOUND.toNanos();
            while (engine.warmContextsReady(lang) < poolSize && System.nanoTime() < bound) {
                Thread.sleep(1);
            }
            refillMs.add((System.nanoTime() - refillStart) / 1e6);
            // the previous context's close and any garbage it left are off the timed path too
            Thread.sleep(pacingMs);
            ScriptRequest request = work.request(++sequence);
            long t0 = System.nanoTime();
            Execution execution = engine.run(request);
            long t1 = System.nanoTime();
            work.check(execution);
            latenciesMs.add((t1 - t0) / 1e6);
        }

        void clear() {
            latenciesMs.clear();
            refillMs.clear();
        }
    }

    /** What each run executes and how its result is checked. */
    record Workload(Language language, String fixedText, boolean trivial) {

        static Workload trivial(Language language, boolean sameSource) {
            return new Workload(language, sameSource ? trivialText(language, "41") : null, true);
        }

        static Workload of(Language language, String text) {
            return new Workload(language, text, false);
        }

        /** A program that prints {@code n + 1}: a new source text for each {@code n}, so nothing is cached by text. */
        static String trivialText(Language language, String n) {
            return switch (language) {
                case PYTHON -> "print(" + n + " + 1)";
                case JAVASCRIPT, TYPESCRIPT -> "console.log(" + n + " + 1)";
                case RUBY -> "puts " + n + " + 1";
                case PHP -> "<?php echo " + n + " + 1, \"\\n\";";
            };
        }

        ScriptRequest request(long n) {
            String text = fixedText != null ? fixedText : trivialText(language, Long.toString(n));
            return ScriptRequest.newBuilder(language, text)
                    .limits(Limits.newBuilder().executionTimeout(RUN_LIMIT).build())
                    .build();
        }

        void check(Execution execution) {
            if (execution.exitCode() != 0) {
                String stderr = execution.scriptResult().stderr();
                throw new BenchFailed((trivial ? "the trivial " + language.wireName() + " program" : "--program")
                        + " did not succeed (" + execution.outcome().kind().wireName() + ", exit "
                        + execution.exitCode() + ")" + (stderr.isBlank() ? "" : ": " + stderr.strip()));
            }
        }

        String describe() {
            if (!trivial) {
                return "program (same text every run)";
            }
            return fixedText != null ? fixedText + " (same text every run)"
                    : trivialText(language, "<n>") + " (new text every run)";
        }
    }

    /** A measured run did not succeed: the numbers would mean nothing. */
    static final class BenchFailed extends RuntimeException {
        BenchFailed(String message) {
            super(message);
        }
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }
}
