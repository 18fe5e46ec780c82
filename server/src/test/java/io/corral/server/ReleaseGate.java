package io.corral.server;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1 that holds every request until {@link #release()}, then answers
 * {@code go}: guests that fetch it stay running exactly as long as a test needs, with no sleeps.
 */
final class ReleaseGate implements AutoCloseable {

    private final CountDownLatch released = new CountDownLatch(1);
    private final HttpServer server;

    ReleaseGate() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] go = "go".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, go.length);
            exchange.getResponseBody().write(go);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/wait";
    }

    void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
