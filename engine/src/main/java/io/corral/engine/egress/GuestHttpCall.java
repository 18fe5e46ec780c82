package io.corral.engine.egress;

import com.fasterxml.jackson.core.type.TypeReference;
import io.corral.api.wire.RizaJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The language-neutral shape of one guest HTTP call through the host bridge: each language's
 * HTTP API (fetch, urllib, requests, file_get_contents…) packs its request into these plain
 * values and unpacks the answer. Bodies travel as "binary strings" (one char per byte, ISO-8859-1)
 * so that every guest can turn them into bytes without a codec.
 *
 * <p>The answer is a map: {@code ok} (boolean); when ok, {@code status}, {@code statusText},
 * {@code url}, {@code headers} (JSON {@code [[name, value], ...]}) and {@code body}; when not,
 * {@code error} (a message naming the host and why). A refusal is an answer, never an exception,
 * so the guest raises its own language's network error.
 */
public final class GuestHttpCall {

    private GuestHttpCall() {
    }

    /**
     * @param maxTime a further bound the guest set (an abort timer), or null
     */
    public static Map<String, Object> send(GuestHttp gateway, String method, String url, String headersJson,
                                           String bodyBinary, java.time.Duration maxTime) {
        Map<String, Object> out = new HashMap<>();
        try {
            GuestHttpRequest request = new GuestHttpRequest(method, url, headers(headersJson),
                    bodyBinary == null ? new byte[0] : bodyBinary.getBytes(StandardCharsets.ISO_8859_1));
            GuestHttpResponse r = gateway.send(request, maxTime);
            out.put("ok", true);
            out.put("status", r.status());
            out.put("statusText", r.reason() == null ? "" : r.reason());
            out.put("url", r.url());
            List<List<String>> hs = new ArrayList<>();
            for (Map.Entry<String, String> h : r.headers()) {
                hs.add(List.of(h.getKey(), h.getValue()));
            }
            out.put("headers", RizaJson.mapper().writeValueAsString(hs));
            out.put("body", new String(r.body(), StandardCharsets.ISO_8859_1));
        } catch (EgressRefusedException e) {
            out.put("ok", false);
            out.put("error", e.getMessage());
        } catch (IOException e) {
            out.put("ok", false);
            out.put("error", "request to " + hostOf(url) + " failed: " + describe(e));
        } catch (IllegalArgumentException e) {
            out.put("ok", false);
            out.put("error", "request to " + hostOf(url) + " refused: " + e.getMessage());
        }
        return out;
    }

    private static List<Map.Entry<String, String>> headers(String json) throws IOException {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (json == null || json.isEmpty()) {
            return out;
        }
        List<List<String>> pairs = RizaJson.mapper().readValue(json, new TypeReference<>() { });
        for (List<String> p : pairs) {
            if (p.size() == 2) {
                out.add(new AbstractMap.SimpleImmutableEntry<>(p.get(0), p.get(1)));
            }
        }
        return out;
    }

    private static String describe(IOException e) {
        if (e instanceof HttpRelay.RelayedFailure) {
            return e.getMessage();
        }
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    private static String hostOf(String url) {
        try {
            String h = java.net.URI.create(url).getHost();
            return h == null ? url : h;
        } catch (IllegalArgumentException e) {
            return "(invalid URL)";
        }
    }
}
