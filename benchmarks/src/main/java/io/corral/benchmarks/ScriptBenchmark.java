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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * A trivial script end to end ({@code engine.run} to {@link Execution}), a new source text each
 * invocation, with a warm pool of two contexts (each invocation waits, unmeasured, until the pool
 * has refilled) and without one (every run creates its context).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScriptBenchmark {

    @Param({"javascript", "typescript", "python", "ruby", "php"})
    public String language;

    @Param({"2", "0"})
    public int warmContexts;

    /** in-process, or process (worker JVMs in the bubblewrap sandbox): the price of the second wall. */
    @Param({"in-process", "process"})
    public String isolation;

    private Language lang;
    private ExecutionEngine engine;
    private long n;

    @Setup(Level.Trial)
    public void start() {
        lang = Language.parse(language);
        engine = Engines.start(lang, warmContexts, io.corral.api.Isolation.parse(isolation));
    }

    @Setup(Level.Invocation)
    public void awaitPool() throws InterruptedException {
        Engines.awaitWarm(engine, lang, warmContexts);
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    @Benchmark
    public Execution trivialScript() {
        return Engines.succeeded(engine.run(ScriptRequest.of(lang, Programs.trivial(lang, ++n))));
    }
}
