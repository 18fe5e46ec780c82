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
    private final java.util.concurrent.atomic.AtomicInteger arrived = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpServer server;

    ReleaseGate() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            synchronized (arrived) {
                arrived.incrementAndGet();
                arrived.notifyAll();
            }
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

    /** Waits until {@code n} requests have reached the gate (guests blocked on it), at most {@code timeout}. */
    void awaitArrivals(int n, java.time.Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (arrived) {
            while (arrived.get() < n) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(n + " requests never reached the gate (" + arrived.get() + " did)");
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(arrived, left);
            }
        }
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
