package io.corral.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client that behaves on the wire as Riza's Node SDK 0.11.0 does (the contract's §1, checked
 * against the SDK built from source): the same headers, the same retries, the same auto-pager and
 * the same error classes and messages. Tests that pass with it pass with the SDK pointed at
 * {@code RIZA_BASE_URL}.
 *
 * <pre>{@code
 * RizaClient riza = RizaClient.newBuilder(server.baseUri(), "key").build();
 * JsonNode r = riza.exec(json("{\"language\": \"python\", \"code\": \"print('hi')\"}"));
 * }</pre>
 */
final class RizaClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final String apiKey;
    private final int maxRetries;
    private final Duration timeout;
    private final HttpClient http;
    /** Every attempt sent: {@code METHOD /path?query}, in order. */
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

    private RizaClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.apiKey = b.apiKey;
        this.maxRetries = b.maxRetries;
        this.timeout = b.timeout;
        HttpClient.Builder hb = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if (b.sslContext != null) {
            hb.sslContext(b.sslContext);
        }
        this.http = hb.build();
    }

    static Builder newBuilder(URI baseUrl, String apiKey) {
        return new Builder(baseUrl, apiKey);
    }

    static final class Builder {
        private final URI baseUrl;
        private final String apiKey;
        private int maxRetries = 2;
        private Duration timeout = Duration.ofSeconds(60);
        private SSLContext sslContext;

        private Builder(URI baseUrl, String apiKey) {
            this.baseUrl = baseUrl;
            this.apiKey = apiKey;
        }

        Builder maxRetries(int n) {
            this.maxRetries = n;
            return this;
        }

        Builder timeout(Duration t) {
            this.timeout = t;
            return this;
        }

        Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        RizaClient build() {
            return new RizaClient(this);
        }
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    List<String> sent() {
        return List.copyOf(sent);
    }

    // ---- resources, as the SDK names them ----------------------------------------------------

    JsonNode exec(JsonNode body) {
        return post("/v1/execute", body);
    }

    JsonNode execFunc(JsonNode body) {
        return post("/v1/execute-function", body);
    }

    JsonNode createTool(JsonNode body) {
        return post("/v1/tools", body);
    }

    JsonNode updateTool(String id, JsonNode body) {
        return post("/v1/tools/" + id, body);
    }

    JsonNode getTool(String id) {
        return get("/v1/tools/" + id, Map.of());
    }

    JsonNode execTool(String id, JsonNode body) {
        return post("/v1/tools/" + id + "/execute", body);
    }

    List<JsonNode> listTools(Map<String, String> query) {
        return autoPage("/v1/tools", "tools", query);
    }

    JsonNode createSecret(JsonNode body) {
        return post("/v1/secrets", body);
    }

    List<JsonNode> listSecrets(Map<String, String> query) {
        return autoPage("/v1/secrets", "secrets", query);
    }

    List<JsonNode> listExecutions(Map<String, String> query) {
        return autoPage("/v1/executions", "data", query);
    }

    JsonNode getExecution(String id) {
        return get("/v1/executions/" + id, Map.of());
    }

    // ---- the core ----------------------------------------------------------------------------

    JsonNode get(String path, Map<String, String> query) {
        return request("GET", path, query, null).json;
    }

    JsonNode post(String path, JsonNode body) {
        return request("POST", path, Map.of(), body).json;
    }

    JsonNode delete(String path) {
        return request("DELETE", path, Map.of(), null).json;
    }

    /**
     * The SDK's auto-pager: keeps {@code limit}, adds {@code starting_after=<last id>}, and stops
     * only when a page comes back empty.
     */
    List<JsonNode> autoPage(String path, String arrayKey, Map<String, String> query) {
        List<JsonNode> all = new ArrayList<>();
        Map<String, String> q = new LinkedHashMap<>(query);
        while (true) {
            JsonNode page = get(path, q);
            JsonNode items = page.get(arrayKey);
            if (items == null || !items.isArray()) {
                throw new AssertionError("page of " + path + " has no array '" + arrayKey + "': " + page);
            }
            if (items.isEmpty()) {
                return all;
            }
            items.forEach(all::add);
            q.put("starting_after", items.get(items.size() - 1).get("id").asText());
        }
    }

    /** A response: its status, headers and parsed body (JSON only when the media type says so). */
    record Response(int status, HttpHeaders headers, String text, JsonNode json) {
    }

    Response request(String method, String path, Map<String, String> query, JsonNode body) {
        URI uri = uri(path, query);
        String payload = body == null ? null : body.toString();
        for (int retryCount = 0; ; retryCount++) {
            int retriesRemaining = maxRetries - retryCount;
            HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("User-Agent", "Riza/JS 0.11.0")
                    .header("X-Stainless-Lang", "js")
                    .header("X-Stainless-Package-Version", "0.11.0")
                    .header("X-Stainless-OS", "Linux")
                    .header("X-Stainless-Arch", "x64")
                    .header("X-Stainless-Runtime", "node")
                    .header("X-Stainless-Runtime-Version", "v20.18.1")
                    .header("X-Stainless-Retry-Count", Integer.toString(retryCount))
                    .header("X-Stainless-Timeout", Long.toString(timeout.toSeconds()))
                    .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(payload));
            sent.add(method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            HttpResponse<String> res;
            try {
                res = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                if (retriesRemaining > 0) {
                    sleep(defaultDelay(retriesRemaining));
                    continue;
                }
                throw new APIConnectionTimeoutError(e);
            } catch (IOException e) {
                if (retriesRemaining > 0) {
                    sleep(defaultDelay(retriesRemaining));
                    continue;
                }
                throw new APIConnectionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new APIConnectionError(e);
            }
            if (res.statusCode() < 200 || res.statusCode() >= 300) {
                if (retriesRemaining > 0 && shouldRetry(res)) {
                    sleep(retryDelay(res.headers(), retriesRemaining));
                    continue;
                }
                throw APIError.of(res.statusCode(), res.headers(), res.body());
            }
            return new Response(res.statusCode(), res.headers(), res.body(), parse(res.headers(), res.body()));
        }
    }

    private URI uri(String path, Map<String, String> query) {
        StringBuilder sb = new StringBuilder(baseUrl.toString().replaceAll("/+$", "")).append(path);
        String sep = "?";
        for (Map.Entry<String, String> e : query.entrySet()) {
            sb.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = "&";
        }
        return URI.create(sb.toString());
    }

    /** The SDK parses a body as JSON only when the media type is JSON; otherwise it hands back text. */
    private static JsonNode parse(HttpHeaders headers, String text) {
        String type = headers.firstValue("content-type").orElse("");
        if (!(type.contains("application/json") || type.contains("+json"))) {
            return text.isEmpty() ? null : JSON.getNodeFactory().textNode(text);
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("invalid JSON with a JSON content type: " + text, e);
        }
    }

    private static boolean shouldRetry(HttpResponse<?> res) {
        String header = res.headers().firstValue("x-should-retry").orElse(null);
        if ("true".equals(header)) {
            return true;
        }
        if ("false".equals(header)) {
            return false;
        }
        int s = res.statusCode();
        return s == 408 || s == 409 || s == 429 || s >= 500;
    }

    /** retry-after-ms, then retry-after (seconds or an HTTP date), when under 60 s; else the default backoff. */
    private Duration retryDelay(HttpHeaders headers, int retriesRemaining) {
        Double millis = null;
        String ms = headers.firstValue("retry-after-ms").orElse(null);
        if (ms != null) {
            try {
                millis = Double.parseDouble(ms);
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        String after = headers.firstValue("retry-after").orElse(null);
        if (millis == null && after != null) {
            try {
                millis = Double.parseDouble(after) * 1000;
            } catch (NumberFormatException e) {
                try {
                    millis = (double) Duration.between(ZonedDateTime.now(),
                            ZonedDateTime.parse(after, DateTimeFormatter.RFC_1123_DATE_TIME)).toMillis();
                } catch (RuntimeException ignored) {
                    // fall through
                }
            }
        }
        if (millis != null && millis >= 0 && millis < 60_000) {
            return Duration.ofMillis(millis.longValue());
        }
        return defaultDelay(retriesRemaining);
    }

    private Duration defaultDelay(int retriesRemaining) {
        int numRetries = maxRetries - retriesRemaining;
        double seconds = Math.min(0.5 * Math.pow(2, numRetries), 8.0);
        double jitter = 1 - ThreadLocalRandom.current().nextDouble() * 0.25;
        return Duration.ofMillis((long) (seconds * jitter * 1000));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- errors, as the SDK's classes ----------------------------------------------------------

    static class RizaError extends RuntimeException {
        RizaError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static class APIError extends RizaError {
        final int status;
        final HttpHeaders headers;
        final JsonNode error;

        APIError(int status, HttpHeaders headers, JsonNode error, String message) {
            super(message, null);
            this.status = status;
            this.headers = headers;
            this.error = error;
        }

        /** The SDK's message: {@code "<status> <message>"}, the body's JSON without a message, or "(no body)". */
        static APIError of(int status, HttpHeaders headers, String text) {
            JsonNode body = null;
            try {
                body = text == null || text.isEmpty() ? null : JSON.readTree(text);
            } catch (IOException e) {
                body = JSON.getNodeFactory().textNode(text);
            }
            String message;
            if (body == null) {
                message = status + " status code (no body)";
            } else if (body.hasNonNull("message")) {
                message = status + " " + (body.get("message").isTextual() ? body.get("message").asText()
                        : body.get("message").toString());
            } else {
                message = status + " " + body;
            }
            return switch (status) {
                case 400 -> new BadRequestError(status, headers, body, message);
                case 401 -> new AuthenticationError(status, headers, body, message);
                case 403 -> new PermissionDeniedError(status, headers, body, message);
                case 404 -> new NotFoundError(status, headers, body, message);
                case 409 -> new ConflictError(status, headers, body, message);
                case 422 -> new UnprocessableEntityError(status, headers, body, message);
                case 429 -> new RateLimitError(status, headers, body, message);
                default -> status >= 500 ? new InternalServerError(status, headers, body, message)
                        : new APIError(status, headers, body, message);
            };
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    static final class BadRequestError extends APIError {
        BadRequestError(int s, HttpHeaders h, JsonNode e, String m) {
            super(s, h, e, m);
        }
    }

    static final class AuthenticationError extends APIError {
        AuthenticationError(int s, HttpHeaders h, JsonNode e, String m) {
            super(s, h, e, m);
        }
    }

    static final class PermissionDeniedError extends APIError {
        PermissionDeniedError(int s, HttpHeaders h, JsonNode e, String m) {
            super(s, h, e, m);
        }
    }

    static final class NotFoundError extends APIError {
        NotFoundError(int s, HttpHeaders h, JsonNode e, String m) {
            super(s, h, e, m);
        }
    }

    static final class ConflictError extends APIError {
        ConflictError(int s, HttpHeaders h, JsonNode e, String m) {
            super(s, h, e, m);
        }
    }

    static final class UnprocessableEntityError extends APIError {
        UnprocessableEntityError(int s, HttpHeaders h, JsonNode e, String m) {
            super(s, h, e, m);
        }
    }

    static final class RateLimitError extends APIError {
        RateLimitError(int s, HttpHeaders h, JsonNode e, String m) {
            super(s, h, e, m);
        }
    }

    static final class InternalServerError extends APIError {
        InternalServerError(int s, HttpHeaders h, JsonNode e, String m) {
            super(s, h, e, m);
        }
    }

    static class APIConnectionError extends RizaError {
        APIConnectionError(Throwable cause) {
            this("Connection error.", cause);
        }

        APIConnectionError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final class APIConnectionTimeoutError extends APIConnectionError {
        APIConnectionTimeoutError(Throwable cause) {
            super("Request timed out.", cause);
        }
    }

    /** Builds an array of JSON values, for request bodies. */
    static ArrayNode array(Object... values) {
        ArrayNode a = JSON.createArrayNode();
        for (Object v : values) {
            a.add(JSON.valueToTree(v));
        }
        return a;
    }
}
