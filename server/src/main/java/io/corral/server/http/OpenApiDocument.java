package io.corral.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corral.api.wire.RizaJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API's OpenAPI 3.1 document ({@code openapi.json} beside this class, written by hand), served
 * at {@code /openapi.json} with {@code servers} pointing at the server's path prefix.
 */
final class OpenApiDocument {

    private static final ObjectNode DOCUMENT = load();

    private OpenApiDocument() {
    }

    /** A copy whose {@code servers} is {@code [{"url": serverUrl}]}. */
    static ObjectNode withServer(String serverUrl) {
        ObjectNode copy = DOCUMENT.deepCopy();
        copy.putArray("servers").addObject().put("url", serverUrl);
        return copy;
    }

    private static ObjectNode load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource openapi.json beside " + OpenApiDocument.class.getName());
            }
            return (ObjectNode) RizaJson.parseValue(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
