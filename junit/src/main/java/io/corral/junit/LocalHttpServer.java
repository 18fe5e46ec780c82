package io.corral.junit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 for a tool's outbound requests: answer routes with
 * {@link #respond}, point the tool at {@link #url}, allow {@link #hostRule()} in the request's
 * HTTP policy, and check what arrived — credentials Corral added included — with
 * {@link #requests()}. Needs {@code @CorralTest(allowPrivateNetwork = true)}.
 *
 * <pre>{@code
 * @Test
 * void fetchesTheForecast(ExecutionEngine engine, LocalHttpServer server) {
 *     server.respond("GET", "/forecast", 200, "{\"temp\": 21}");
 *     Execution run = engine.call(ToolCode.fromResource("tools/weather.py")
 *             .functionRequest("{\"url\": \"" + server.url("/forecast") + "\"}")
 *             .http(HttpPolicy.allow(HttpAllowRule.of(server.hostRule()).withAuth(HttpAuth.bearer("T"))))
 *             .build());
 *     assertThat(run).succeeded().hasOutputJson("21");
 *     assertEquals("Bearer T", server.requests().get(0).header("Authorization"));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class LocalHttpServer implements AutoCloseable {

    /**
     * One request the server received.
     *
     * @param headers header names in lower case
     */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        /** The first value of a header (any case), or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private record Answer(int status, String body, String contentType) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private LocalHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free port of 127.0.0.1; every route answers 404 until {@link #respond} says otherwise. */
    public static LocalHttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "corral-junit-http");
                t.setDaemon(true);
                return t;
            }));
            LocalHttpServer server = new LocalHttpServer(http);
            http.createContext("/", server::handle);
            http.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a local HTTP server", e);
        }
    }

    /** Answers {@code method path} (query ignored) with {@code status} and a JSON (or text) body. */
    public LocalHttpServer respond(String method, String path, int status, String body) {
        String type = body.startsWith("{") || body.startsWith("[") ? "application/json" : "text/plain; charset=utf-8";
        answers.put(method.toUpperCase(Locale.ROOT) + " " + path, new Answer(status, body, type));
        return this;
    }

    /** {@code http://127.0.0.1:PORT} + path. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The allow rule host for this server: {@code 127.0.0.1:PORT}. */
    public String hostRule() {
        return "127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What the server received, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, List<String>> headers = new TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getPath();
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().toString(), headers, body));
            Answer a = answers.getOrDefault(ex.getRequestMethod().toUpperCase(Locale.ROOT) + " " + path,
                    new Answer(404, "no answer set for " + ex.getRequestMethod() + " " + path
                            + " (LocalHttpServer.respond)", "text/plain; charset=utf-8"));
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", a.contentType());
            ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
