package io.corral.engine.egress;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as a guest asked for it, before any policy is applied.
 *
 * @param headers in order; names are matched case-insensitively
 * @param body    may be empty, never null
 */
public record GuestHttpRequest(String method, String url, List<Map.Entry<String, String>> headers, byte[] body) {

    public GuestHttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = headers == null ? List.of() : List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static GuestHttpRequest get(String url) {
        return new GuestHttpRequest("GET", url, List.of(), new byte[0]);
    }
}
