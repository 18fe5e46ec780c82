package io.corral.server;

import io.corral.api.Language;
import io.corral.engine.ExecutionEngine;
import io.corral.server.http.ExecutionGate;
import io.corral.server.http.JsonErrorHandler;
import io.corral.server.http.RizaApi;
import io.corral.server.metrics.ServerMetrics;
import io.corral.server.store.ServerStores;
import io.corral.server.tls.PemKeyStore;
import io.javalin.Javalin;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Riza's Code Interpreter REST API over an {@link ExecutionEngine}: the server behind
 * {@code corral serve}. Existing Riza clients only change their base URL.
 *
 * <pre>{@code
 * try (ServerStores stores = SqlServerStores.open(dataDir, secretKey);
 *      CorralServer server = CorralServer.start(ServerConfig.newBuilder()
 *              .apiKeys(List.of(key)).port(8080).build(), stores)) {
 *     server.awaitReady(Duration.ofMinutes(1));
 *     System.out.println("RIZA_BASE_URL=" + server.baseUri());
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #start} builds the engine over the given stores (tools, secrets, execution history and
 * the request ledger) and returns once the port is bound. The server is <em>ready</em>
 * ({@code /readyz} 200) once every configured language's GraalVM engine has started, TypeScript's
 * compiler has loaded and a first context of each language has been created
 * ({@link io.corral.engine.ExecutionEngine#warmUp()}), in the background: the first request of
 * each language then takes as long as the later ones. The API itself is described on
 * {@link RizaApi}; what keeps code from running twice on {@link ExecutionGate}.
 *
 * <p>{@link #close()} is graceful: executions are no longer accepted (503, safe to retry on another
 * instance), those under way get {@link ServerConfig#shutdownGrace()} to finish and are then
 * cancelled (their requests still get their records), then the HTTP server stops and the engine
 * closes. <b>The stores stay open</b>: whoever opened them closes them, after the server (they may
 * be shared with other servers or a backup).
 *
 * @since 0.1
 */
public final class CorralServer implements AutoCloseable {

    /**
     * The {@code java.util.logging} logger of the access log: one INFO line a request (method, path,
     * status, duration, the key's id; never headers, bodies or secrets).
     */
    public static final String ACCESS_LOGGER = io.corral.server.http.AccessLog.LOGGER_NAME;

    private static final Logger LOG = Logger.getLogger(CorralServer.class.getName());

    /** How long close waits for answers still being written before stopping the HTTP server. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(5);

    private final ServerConfig config;
    private final ExecutionEngine engine;
    private final ServerMetrics metrics;
    private final ExecutionGate gate;
    private final RizaApi api;
    private final Javalin app;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String notReadyReason = "the languages are starting";

    private CorralServer(ServerConfig config, ServerStores stores) {
        this.config = config;
        // read first: a bad certificate must fail before there is an engine to close
        PemKeyStore tls = config.tls()
                ? PemKeyStore.load(config.tlsCertificate().orElseThrow(), config.tlsPrivateKey().orElseThrow())
                : null;
        this.metrics = new ServerMetrics();
        ExecutionEngine.Builder engineBuilder = ExecutionEngine.newBuilder();
        config.isolation().ifPresent(engineBuilder::isolation);
        this.engine = engineBuilder
                .languages(config.languages().toArray(Language[]::new))
                .configuration(config.configuration())
                .concurrency(config.concurrency())
                .queueCapacity(config.queueCapacity())
                // no memory for growth: the pools stay at their minimum
                .warmContexts(config.warmContextsMin(), config.warmContextsMemoryMib() == 0
                        ? config.warmContextsMin() : config.warmContextsMax())
                .warmContextsMemory(config.warmContextsMemoryMib())
                .retention(config.retention())
                .toolStore(stores.tools())
                .secretStore(stores.secrets())
                .executionStore(stores.executions())
                .listener(metrics)
                .build();
        Clock clock = Clock.systemUTC();
        this.gate = new ExecutionGate(engine, stores.ledger(), clock,
                config.configuration().maxExecutionTimeout().plusMinutes(1));
        gate.onAttach(metrics::retryAttached);
        metrics.bindPool(gate::inFlight, config.concurrency(), config.queueCapacity());
        metrics.bindContextPools(engine, config.languages());
        this.api = new RizaApi(engine, gate, metrics, config.apiKeys().orElse(null), config.pathPrefix(),
                config.maxBodyBytes(), () -> Optional.ofNullable(ready.getCount() == 0 ? null : notReadyReason), clock);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            // requests wait for executions; the executions themselves run on the engine's platform threads
            c.concurrency.useVirtualThreads = true;
            c.http.maxRequestSize = config.maxBodyBytes();
            c.jetty.modifyHttpConfiguration(h -> h.setSendServerVersion(false));
            c.jetty.modifyServer(s -> {
                s.setErrorHandler(new JsonErrorHandler());
                // stopping waits (bounded) for answers still being sent: a request counts as answered in
                // the access log before its response has left, and a connection cut then loses it
                s.setStopTimeout(ANSWER_WAIT.toMillis());
            });
            c.jetty.modifyServletContextHandler(h -> h.insertHandler(new GracefulHandler()));
            c.jetty.addConnector((server, http) -> connector(server, http, tls));
            api.install(c);
        });
    }

    /**
     * Builds the engine over {@code stores}, binds the port and starts serving; readiness follows in
     * the background ({@link #awaitReady}). The caller keeps ownership of {@code stores}.
     *
     * @throws IllegalArgumentException when the TLS files cannot be used (naming the file and why)
     * @throws IllegalStateException    when the port cannot be bound (the engine is closed again)
     */
    public static CorralServer start(ServerConfig config, ServerStores stores) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(stores, "stores");
        CorralServer server = new CorralServer(config, stores);
        try {
            server.app.start();
        } catch (RuntimeException e) {
            server.engine.close();
            server.metrics.close();
            throw new IllegalStateException("could not listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        server.warmUp();
        LOG.info("serving Riza's API at " + server.baseUri() + " (" + config + ")");
        return server;
    }

    private Connector connector(Server server, HttpConfiguration http, PemKeyStore tls) {
        ServerConnector connector;
        if (tls == null) {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        } else {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(tls.keyStore());
            ssl.setKeyStorePassword(tls.password());
            ssl.setKeyManagerPassword(tls.password());
            ssl.setSniRequired(false);
            HttpConfiguration https = new HttpConfiguration(http);
            // clients reach the server by address as often as by name: do not refuse a Host the certificate lacks
            https.addCustomizer(new SecureRequestCustomizer(false));
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(https));
        }
        connector.setHost(config.host());
        connector.setPort(config.port());
        return connector;
    }

    /**
     * Starts every language's engine and creates a first context of each in the background (a
     * fresh engine's first context costs seconds); the server is ready when all are done.
     */
    private void warmUp() {
        Thread t = new Thread(() -> {
            try {
                engine.languageVersions().forEach((l, v) -> LOG.fine("started: " + v));
                engine.warmUp();
                ready.countDown();
            } catch (RuntimeException e) {
                if (!closed.get()) {
                    notReadyReason = "a language failed to start: " + e.getMessage();
                    LOG.log(Level.SEVERE, "a language failed to start; /readyz stays 503", e);
                }
            }
        }, "corral-server-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** The port the server listens on (the one picked, when the configuration said 0). */
    public int port() {
        return app.port();
    }

    /**
     * Where Riza clients point their base URL: {@code http(s)://host:port} plus the path prefix, no
     * trailing slash. A wildcard listen address ({@code 0.0.0.0}, {@code ::}) shows as the loopback one.
     */
    public URI baseUri() {
        String host = config.host();
        if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        } else if (host.equals("::") || host.equals("[::]")) {
            host = "[::1]";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create((config.tls() ? "https" : "http") + "://" + host + ":" + port() + config.pathPrefix());
    }

    /** Whether every configured language has started and the server is not closing. */
    public boolean isReady() {
        return ready.getCount() == 0 && !gate.draining();
    }

    /** Waits up to {@code timeout} for {@link #isReady()}; false if it did not happen in time. */
    public boolean awaitReady(Duration timeout) {
        try {
            return ready.await(timeout.toNanos(), TimeUnit.NANOSECONDS) && isReady();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public ServerConfig config() {
        return config;
    }

    /**
     * Shuts down gracefully: refuses new executions, lets those under way finish for
     * {@link ServerConfig#shutdownGrace()}, cancels the rest (their records are stored and their
     * requests answered), stops the HTTP server and closes the engine. Leaves the stores open.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        gate.drain(config.shutdownGrace());
        Instant end = Instant.now().plus(ANSWER_WAIT);
        // this thread's own request, if close() is called from a handler, never ends before it
        while (api.activeRequests() > 0 && Instant.now().isBefore(end)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        URI was = baseUri();
        try {
            app.stop();
        } finally {
            engine.close();
            metrics.close();
        }
        LOG.info("stopped serving at " + was);
    }
}
