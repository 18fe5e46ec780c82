package io.corral.engine.egress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on 127.0.0.1 that records every request it receives. Routes:
 * {@code /echo} (200, body "ok"), {@code /redirect?to=URL} (302), {@code /big?bytes=N},
 * {@code /gzip-bomb?bytes=N} (gzip of N zero bytes), {@code /slow?ms=N}, {@code /headers}
 * (echoes the request headers as the body), {@code /status?code=N} (status N, body "status N"),
 * {@code /body} (echoes the request's method, content type and body).
 *
 * <p>Also a JUnit extension: {@code @RegisterExtension static final RecordingServer server = new
 * RecordingServer();} forgets what it saw before each test and stops after the class.
 */
public final class RecordingServer implements AutoCloseable, org.junit.jupiter.api.extension.BeforeEachCallback,
        org.junit.jupiter.api.extension.AfterAllCallback {

    /** What the server saw. */
    public record Received(String method, String host, String pathAndQuery, Map<String, List<String>> headers,
                           String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return String.join(",", e.getValue());
                }
            }
            return null;
        }

        public int headerCount(String name) {
            int n = 0;
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    n += e.getValue().size();
                }
            }
            return n;
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public RecordingServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot start the recording server", e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "recording-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} + path. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] requestBody = ex.getRequestBody().readAllBytes();
        URI uri = ex.getRequestURI();
        received.add(new Received(ex.getRequestMethod(), ex.getRequestHeaders().getFirst("Host"), uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), Map.copyOf(ex.getRequestHeaders()),
                new String(requestBody, StandardCharsets.UTF_8)));
        String q = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        try (ex) {
            switch (uri.getPath()) {
                case "/redirect" -> {
                    ex.getResponseHeaders().add("Location", java.net.URLDecoder.decode(param(q, "to"),
                            StandardCharsets.UTF_8));
                    ex.sendResponseHeaders(302, -1);
                }
                case "/big" -> send(ex, 200, new byte[Integer.parseInt(param(q, "bytes"))]);
                case "/gzip-bomb" -> {
                    ByteArrayOutputStream buf = new ByteArrayOutputStream();
                    try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
                        byte[] zeros = new byte[64 * 1024];
                        for (long left = Long.parseLong(param(q, "bytes")); left > 0; left -= zeros.length) {
                            gz.write(zeros, 0, (int) Math.min(zeros.length, left));
                        }
                    }
                    ex.getResponseHeaders().add("Content-Encoding", "gzip");
                    send(ex, 200, buf.toByteArray());
                }
                case "/slow" -> {
                    try {
                        Thread.sleep(Long.parseLong(param(q, "ms")));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    send(ex, 200, "late".getBytes(StandardCharsets.UTF_8));
                }
                case "/status" -> {
                    ex.getResponseHeaders().add("Content-Type", "text/plain");
                    int code = Integer.parseInt(param(q, "code"));
                    send(ex, code, ("status " + code).getBytes(StandardCharsets.UTF_8));
                }
                case "/body" -> {
                    ex.getResponseHeaders().add("Content-Type", "text/plain");
                    send(ex, 200, (ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type") + " "
                            + new String(requestBody, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                }
                case "/headers" -> {
                    StringBuilder sb = new StringBuilder();
                    ex.getRequestHeaders().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
                    send(ex, 200, sb.toString().getBytes(StandardCharsets.UTF_8));
                }
                default -> {
                    ex.getResponseHeaders().add("Content-Type", "text/plain");
                    send(ex, 200, "ok".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static String param(String query, String name) {
        for (String p : query.split("&")) {
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).equals(name)) {
                return p.substring(eq + 1);
            }
        }
        throw new IllegalArgumentException("missing query parameter " + name);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public void beforeEach(org.junit.jupiter.api.extension.ExtensionContext context) {
        clear();
    }

    @Override
    public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) {
        close();
    }
}
