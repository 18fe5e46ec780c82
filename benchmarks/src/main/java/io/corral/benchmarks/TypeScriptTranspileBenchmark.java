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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * TypeScript end to end through a warm pool: the same source every run (its transpiled output comes
 * from the engine's cache) against a new source text every run (the compiler runs each time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TypeScriptTranspileBenchmark {

    private static final int POOL = 2;

    private final String cachedSource = Programs.typedTypeScript(41);
    private ExecutionEngine engine;
    private long n;

    @Setup(Level.Trial)
    public void start() {
        engine = Engines.start(Language.TYPESCRIPT, POOL);
    }

    @Setup(Level.Invocation)
    public void awaitPool() throws InterruptedException {
        Engines.awaitWarm(engine, Language.TYPESCRIPT, POOL);
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    @Benchmark
    public Execution cached() {
        return Engines.succeeded(engine.run(ScriptRequest.of(Language.TYPESCRIPT, cachedSource)));
    }

    @Benchmark
    public Execution uncached() {
        return Engines.succeeded(engine.run(ScriptRequest.of(Language.TYPESCRIPT, Programs.typedTypeScript(++n))));
    }
}
