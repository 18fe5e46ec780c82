package io.corral.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.corral.api.Execution;
import io.corral.api.HttpAllowRule;
import io.corral.api.HttpPolicy;
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

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * What one outbound HTTP request costs a run: a script that GETs a small body from a server on
 * 127.0.0.1 through the egress gateway, against the same trivial script without the request (the
 * difference is the overhead). Ruby is absent: in-process Ruby has no outbound HTTP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HttpEgressBenchmark {

    private static final int POOL = 2;
    private static final byte[] BODY = "ok".getBytes(StandardCharsets.UTF_8);

    @Param({"javascript", "python", "php"})
    public String language;

    private Language lang;
    private ExecutionEngine engine;
    private HttpServer server;
    private String getScript;
    private HttpPolicy allowServer;
    private long n;

    @Setup(Level.Trial)
    public void start() throws IOException {
        lang = Language.parse(language);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(BODY);
            }
        });
        server.start();
        String hostPort = "127.0.0.1:" + server.getAddress().getPort();
        getScript = Programs.httpGet(lang, "http://" + hostPort + "/");
        allowServer = HttpPolicy.allow(HttpAllowRule.of(hostPort));
        engine = Engines.start(lang, POOL);
    }

    @Setup(Level.Invocation)
    public void awaitPool() throws InterruptedException {
        Engines.awaitWarm(engine, lang, POOL);
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
        server.stop(0);
    }

    @Benchmark
    public Execution oneRequest() {
        return Engines.succeeded(engine.run(ScriptRequest.newBuilder(lang, getScript).http(allowServer).build()));
    }

    @Benchmark
    public Execution noRequest() {
        return Engines.succeeded(engine.run(ScriptRequest.newBuilder(lang, Programs.trivial(lang, ++n))
                .http(allowServer).build()));
    }
}
