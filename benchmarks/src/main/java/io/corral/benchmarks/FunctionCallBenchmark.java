package io.corral.benchmarks;

import io.corral.api.Execution;
import io.corral.api.FunctionRequest;
import io.corral.api.Language;
import io.corral.api.Tool;
import io.corral.api.ToolExecuteRequest;
import io.corral.api.ToolSpec;
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
 * A function call ({@code engine.call}: run the code, call {@code execute(input)}, serialize what it
 * returns) through a warm pool, the same function text every call as a tool's, a new input each
 * ({@link #call}); and the same function as a tool with warm instances ({@link #warmToolInstance}:
 * after the first call, each call only runs {@code execute(input)} in the context that loaded it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FunctionCallBenchmark {

    private static final int POOL = 2;

    @Param({"javascript", "typescript", "python", "ruby", "php"})
    public String language;

    private Language lang;
    private ExecutionEngine engine;
    private String code;
    private Tool warmTool;
    private long n;

    @Setup(Level.Trial)
    public void start() {
        lang = Language.parse(language);
        code = Programs.increment(lang);
        engine = Engines.start(lang, POOL);
        warmTool = engine.createTool(ToolSpec.newBuilder("increment", lang, code).warmInstances(true).build());
    }

    @Setup(Level.Invocation)
    public void awaitPool() throws InterruptedException {
        Engines.awaitWarm(engine, lang, POOL);
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    @Benchmark
    public Execution call() {
        return Engines.succeeded(engine.call(FunctionRequest.newBuilder(lang, code)
                .inputJson("{\"n\": " + (++n) + "}").build()));
    }

    @Benchmark
    public Execution warmToolInstance() {
        return Engines.succeeded(engine.executeTool(warmTool.id(), ToolExecuteRequest.newBuilder()
                .inputJson("{\"n\": " + (++n) + "}").build()));
    }
}
