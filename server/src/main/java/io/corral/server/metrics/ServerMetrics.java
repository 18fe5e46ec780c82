package io.corral.server.metrics;

import io.corral.api.Execution;
import io.corral.engine.ExecutionListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The server's Prometheus metrics, fed by the engine's {@link ExecutionListener} and the HTTP layer.
 *
 * <pre>{@code
 * ServerMetrics metrics = new ServerMetrics();
 * ExecutionEngine.newBuilder().listener(metrics);
 * metrics.scrape();   // the text /metrics serves
 * }</pre>
 *
 * <table>
 *   <caption>Metrics</caption>
 *   <tr><td>{@code corral_executions_total{language,type,outcome}}</td><td>recorded executions; outcome is
 *       the {@code Outcome.Kind} wire name (completed, guest_error, timed_out, …)</td></tr>
 *   <tr><td>{@code corral_execution_duration_seconds{language,type}}</td><td>histogram of run time</td></tr>
 *   <tr><td>{@code corral_egress_requests_total}, {@code corral_egress_refusals_total},
 *       {@code corral_egress_bytes_out_total}, {@code corral_egress_bytes_in_total} ({@code language})</td>
 *       <td>guests' outbound HTTP</td></tr>
 *   <tr><td>{@code corral_executions_rejected_total{reason}}</td><td>requests to run code refused before
 *       running, by the engine's code in lower case ({@code resource_exhausted}: the queue is full;
 *       {@code invalid_argument}, {@code not_found}, {@code failed_precondition})</td></tr>
 *   <tr><td>{@code corral_retries_attached_total}</td><td>retried requests answered with an earlier
 *       attempt's execution instead of running again</td></tr>
 *   <tr><td>{@code corral_executions_in_flight}, {@code corral_engine_queue_depth},
 *       {@code corral_engine_workers}, {@code corral_engine_queue_capacity}</td><td>the pool: queue depth is
 *       what is in flight beyond the workers (this server is the engine's only client)</td></tr>
 *   <tr><td>{@code corral_http_requests_seconds{method,route,status}}</td><td>API requests</td></tr>
 * </table>
 */
public final class ServerMetrics implements ExecutionListener, AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Override
    public void executionRecorded(Execution e) {
        String language = e.language().wireName();
        String type = e.type().wireName();
        Counter.builder("corral.executions").description("Executions recorded")
                .tags("language", language, "type", type, "outcome", e.outcome().kind().wireName())
                .register(registry).increment();
        Timer.builder("corral.execution.duration").description("How long executions ran")
                .tags("language", language, "type", type).publishPercentileHistogram()
                .register(registry).record(Duration.ofMillis(e.duration()));
        count("corral.egress.requests", "Outbound HTTP requests of guests", language, e.http().requests());
        count("corral.egress.refusals", "Outbound HTTP requests of guests refused by policy", language,
                e.http().refusals());
        Counter.builder("corral.egress.bytes.out").baseUnit("bytes").description("Bytes guests sent out")
                .tags("language", language).register(registry).increment(e.http().bytesOut());
        Counter.builder("corral.egress.bytes.in").baseUnit("bytes").description("Bytes guests received")
                .tags("language", language).register(registry).increment(e.http().bytesIn());
    }

    private void count(String name, String description, String language, double amount) {
        Counter.builder(name).description(description).tags("language", language).register(registry)
                .increment(amount);
    }

    /** Exports the pool's figures; {@code inFlight} counts executions started and not yet answered. */
    public void bindPool(IntSupplier inFlight, int workers, int queueCapacity) {
        Gauge.builder("corral.executions.in.flight", inFlight::getAsInt)
                .description("Executions started and not yet answered").register(registry);
        Gauge.builder("corral.engine.queue.depth", () -> Math.max(0, inFlight.getAsInt() - workers))
                .description("Executions waiting for a worker").register(registry);
        Gauge.builder("corral.engine.workers", () -> workers).description("Executions that run at once")
                .register(registry);
        Gauge.builder("corral.engine.queue.capacity", () -> queueCapacity)
                .description("Executions that may wait for a worker").register(registry);
    }

    /**
     * Exports each language's pool of contexts created ahead of time: contexts ready, executions
     * that got one (hits) or made their own (misses), and the mean time to create a context.
     */
    public void bindContextPools(io.corral.engine.ExecutionEngine engine, java.util.Set<io.corral.api.Language> languages) {
        for (io.corral.api.Language l : languages) {
            String name = l.wireName();
            java.util.function.ToDoubleFunction<io.corral.engine.ExecutionEngine> ready = e -> stat(e, l, "ready");
            Gauge.builder("corral.pool.contexts.ready", engine, ready).tags("language", name)
                    .description("Contexts created ahead of time and waiting for an execution").register(registry);
            Gauge.builder("corral.pool.contexts.target", engine, e -> stat(e, l, "target")).tags("language", name)
                    .description("Contexts the pool keeps ready now (it grows on misses, shrinks when idle)")
                    .register(registry);
            io.micrometer.core.instrument.FunctionCounter.builder("corral.pool.hits", engine, e -> stat(e, l, "hits"))
                    .tags("language", name).description("Executions given a context created ahead of time")
                    .register(registry);
            io.micrometer.core.instrument.FunctionCounter.builder("corral.pool.misses", engine, e -> stat(e, l, "misses"))
                    .tags("language", name).description("Executions that had to create their own context")
                    .register(registry);
            Gauge.builder("corral.pool.context.creation.mean.seconds", engine, e -> stat(e, l, "creation") / 1000)
                    .tags("language", name).description("Mean wall time to create a context").register(registry);
        }
    }

    private static double stat(io.corral.engine.ExecutionEngine engine, io.corral.api.Language language, String what) {
        io.corral.engine.PoolStatistics s = engine.poolStatistics().get(language);
        if (s == null) {
            return 0;
        }
        return switch (what) {
            case "ready" -> s.ready();
            case "target" -> s.target();
            case "hits" -> s.hits();
            case "misses" -> s.misses();
            default -> s.meanCreationMillis();
        };
    }

    /** A request refused before anything ran. */
    public void rejected(String reason) {
        Counter.builder("corral.executions.rejected").description("Execution requests refused before running")
                .tags("reason", reason).register(registry).increment();
    }

    public void retryAttached() {
        Counter.builder("corral.retries.attached")
                .description("Retried requests answered with their first attempt's execution").register(registry)
                .increment();
    }

    /** One API request, by the route it matched (its template, never the ids in it). */
    public void request(String method, String route, int status, Duration duration) {
        Timer.builder("corral.http.requests").description("API requests")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .register(registry).record(duration);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        registry.close();
    }
}
