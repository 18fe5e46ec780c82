package io.corral.server.http;

import io.corral.api.wire.RizaJson;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's answer to requests it refuses before they reach a route (a malformed URI, headers too
 * large, a bad Content-Length), in the API's form: {@code {"code", "message"}} as JSON, never HTML.
 */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("x-should-retry", "false");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put("x-should-retry", "false");
        return ByteBuffer.wrap(body(status, reason));
    }

    private static byte[] body(int status, String message) {
        ApiError e = ApiError.ofStatus(status, message == null || message.isBlank()
                ? HttpStatus.getMessage(status) : message);
        return RizaJson.write(JsonNodeFactory.instance.objectNode().put("code", e.grpcCode())
                .put("message", e.getMessage())).getBytes(StandardCharsets.UTF_8);
    }
}
