package io.corral.engine.egress;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The response handed back to the guest: status, headers as the server sent them (decompressed
 * bodies lose their {@code Content-Encoding}), the body, and the URL after redirects.
 */
public record GuestHttpResponse(int status, String reason, List<Map.Entry<String, String>> headers, byte[] body,
                                String url) {

    public GuestHttpResponse {
        headers = List.copyOf(headers);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, case-insensitively, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
