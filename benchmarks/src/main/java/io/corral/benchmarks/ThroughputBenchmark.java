package io.corral.benchmarks;

import io.corral.api.Execution;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.ExecutionEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained executions per second from two threads on one engine, back to back: every run pays
 * its share of context creation (the pool cannot keep up) and close.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ThroughputBenchmark {

    @Param({"javascript", "typescript", "python", "ruby", "php"})
    public String language;

    private Language lang;
    private ExecutionEngine engine;
    private final AtomicLong n = new AtomicLong();

    @Setup(Level.Trial)
    public void start() {
        lang = Language.parse(language);
        engine = Engines.start(lang, 2);
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    @Benchmark
    public Execution trivialScript() {
        return Engines.succeeded(engine.run(ScriptRequest.of(lang, Programs.trivial(lang, n.incrementAndGet()))));
    }
}
