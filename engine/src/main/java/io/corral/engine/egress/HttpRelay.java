package io.corral.engine.egress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corral.api.wire.RizaJson;

import java.io.IOException;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guest HTTP across the worker channel. Inside a worker, {@link #worker} is the execution's
 * {@link GuestHttp}: each call becomes an {@code http_request} frame and blocks for the host's
 * {@code http_response}. On the host, {@link #answer} runs the call through the execution's own
 * {@link EgressGateway} (its rules, pinned DNS, credentials and caps) and words the answer. Rules
 * and credentials never enter the worker, which has no network of its own.
 */
public final class HttpRelay {

    private static final ObjectMapper JSON = RizaJson.mapper();

    private HttpRelay() {
    }

    /** Sends a request frame and waits for its answer (the worker's side of the channel). */
    @FunctionalInterface
    public interface Transport {
        byte[] exchange(byte[] request) throws IOException;
    }

    /** A failure the host's gateway reported, worded there. */
    static final class RelayedFailure extends IOException {
        RelayedFailure(String message) {
            super(message);
        }
    }

    /** The worker's side: a {@link GuestHttp} that asks the host. */
    public static GuestHttp worker(Transport transport) {
        return new GuestHttp() {
            private final AtomicInteger requests = new AtomicInteger();
            private volatile boolean aborted;

            @Override
            public GuestHttpResponse send(GuestHttpRequest request, Duration maxTime)
                    throws EgressRefusedException, IOException {
                if (aborted) {
                    throw EgressRefusedException.relayed("request to " + request.url() + " refused: the execution ended");
                }
                requests.incrementAndGet();
                ObjectNode o = JSON.createObjectNode();
                o.put("method", request.method());
                o.put("url", request.url());
                ArrayNode hs = o.putArray("headers");
                for (Map.Entry<String, String> h : request.headers()) {
                    hs.addArray().add(h.getKey()).add(h.getValue());
                }
                o.put("body", Base64.getEncoder().encodeToString(request.body()));
                if (maxTime != null) {
                    o.put("max_time_ms", Math.max(1, maxTime.toMillis()));
                }
                JsonNode a = JSON.readTree(transport.exchange(JSON.writeValueAsBytes(o)));
                if (a.has("refused")) {
                    throw EgressRefusedException.relayed(a.get("refused").asText());
                }
                if (a.has("failed")) {
                    throw new RelayedFailure(a.get("failed").asText());
                }
                if (a.has("invalid")) {
                    throw new IllegalArgumentException(a.get("invalid").asText());
                }
                List<Map.Entry<String, String>> headers = new ArrayList<>();
                a.path("headers").forEach(p -> headers.add(new AbstractMap.SimpleImmutableEntry<>(p.path(0).asText(),
                        p.path(1).asText())));
                return new GuestHttpResponse(a.path("status").asInt(), a.path("reason").asText(""), headers,
                        Base64.getDecoder().decode(a.path("body").asText("")), a.path("url").asText());
            }

            @Override
            public void abort() {
                aborted = true;
            }

            @Override
            public EgressMetrics metrics() {
                return new EgressMetrics(requests.get(), 0, 0, 0);
            }

            @Override
            public void close() {
                aborted = true;
            }
        };
    }

    /** The host's side: runs one relayed call through the execution's gateway and words the answer. */
    public static byte[] answer(GuestHttp gateway, byte[] requestJson) throws IOException {
        JsonNode o = JSON.readTree(requestJson);
        ObjectNode a = JSON.createObjectNode();
        String url = o.path("url").asText();
        try {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            o.path("headers").forEach(p -> headers.add(new AbstractMap.SimpleImmutableEntry<>(p.path(0).asText(),
                    p.path(1).asText())));
            GuestHttpRequest request = new GuestHttpRequest(o.path("method").asText("GET"), url, headers,
                    Base64.getDecoder().decode(o.path("body").asText("")));
            Duration maxTime = o.has("max_time_ms") ? Duration.ofMillis(o.get("max_time_ms").asLong()) : null;
            GuestHttpResponse r = gateway.send(request, maxTime);
            a.put("status", r.status());
            a.put("reason", r.reason() == null ? "" : r.reason());
            a.put("url", r.url());
            ArrayNode hs = a.putArray("headers");
            for (Map.Entry<String, String> h : r.headers()) {
                hs.addArray().add(h.getKey()).add(h.getValue());
            }
            a.put("body", Base64.getEncoder().encodeToString(r.body()));
        } catch (EgressRefusedException e) {
            a.put("refused", e.getMessage());
        } catch (IOException e) {
            String name = e.getClass().getSimpleName();
            // worded as GuestHttpCall words a failure after "request to <host> failed: "
            a.put("failed", e.getMessage() == null ? name : name + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            a.put("invalid", String.valueOf(e.getMessage()));
        }
        return JSON.writeValueAsBytes(a);
    }
}
