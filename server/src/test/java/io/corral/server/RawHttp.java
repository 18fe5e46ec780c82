package io.corral.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** Plain HTTP requests for what a Riza client would not send (no key, a form content type, no body). */
final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private RawHttp() {
    }

    /** {@code headers} are name, value pairs; {@code body} null for none. */
    static HttpResponse<String> send(String method, URI uri, String body, String... headers) {
        try {
            return CLIENT.send(request(method, uri, body, headers), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static CompletableFuture<HttpResponse<String>> sendAsync(String method, URI uri, String body, String... headers) {
        return CLIENT.sendAsync(request(method, uri, body, headers), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String method, URI uri, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    static JsonNode json(HttpResponse<String> res) {
        try {
            return RizaClient.JSON.readTree(res.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + res.statusCode() + "): " + res.body(), e);
        }
    }

    /** Waits until the server's {@code corral_executions_in_flight} gauge reaches {@code n}. */
    static void awaitInFlight(URI baseUri, String key, int n) {
        for (int i = 0; i < 3000; i++) {
            HttpResponse<String> m = send("GET", URI.create(baseUri + "/metrics"), null,
                    "Authorization", "Bearer " + key);
            for (String line : m.body().split("\n")) {
                if (line.startsWith("corral_executions_in_flight ")
                        && Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim()) >= n) {
                    return;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(n + " executions never were in flight");
    }
}
