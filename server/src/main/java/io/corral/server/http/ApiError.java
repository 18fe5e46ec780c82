package io.corral.server.http;

import io.corral.api.RequestRejectedException;

/**
 * An error answer of the API: an HTTP status, the gRPC code and message of Riza's
 * {@code {"code": ..., "message": ...}} body, and whether a client may send the request again.
 *
 * <pre>{@code
 * throw ApiError.notFound("id: tool 'nope' not found");   // 404 {"code":5,"message":"id: tool 'nope' not found"}
 * }</pre>
 *
 * <p>Codes map to statuses as grpc-gateway maps them (the contract's §1.1): 3→400, 4→504, 5→404,
 * 6→409, 7→403, 8→429, 9→400, 12→501, 13→500, 14→503, 16→401.
 */
public final class ApiError extends RuntimeException {

    public static final int INVALID_ARGUMENT = 3;
    public static final int DEADLINE_EXCEEDED = 4;
    public static final int NOT_FOUND = 5;
    public static final int UNIMPLEMENTED = 12;
    public static final int INTERNAL = 13;
    public static final int UNAVAILABLE = 14;
    public static final int UNAUTHENTICATED = 16;

    /** What the {@code x-should-retry} header says. */
    public enum Retry {
        /** {@code x-should-retry: true}: nothing ran, sending it again is safe (with {@code Retry-After}). */
        SAFE,
        /** {@code x-should-retry: false}: code may have run, or sending it again cannot help. */
        NEVER,
        /** No header: a GET failed on the server side; the client's own rules apply (it is idempotent). */
        CLIENT_DECIDES
    }

    private final int status;
    private final int grpcCode;
    private final Retry retry;
    private final Integer retryAfterSeconds;

    private ApiError(int status, int grpcCode, String message, Retry retry, Integer retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.grpcCode = grpcCode;
        this.retry = retry;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A request the engine refused before anything ran, mapped by its code. */
    public static ApiError of(RequestRejectedException e) {
        RequestRejectedException.Code code = e.code();
        if (code == RequestRejectedException.Code.RESOURCE_EXHAUSTED) {
            return new ApiError(429, code.grpcCode(), e.getMessage(), Retry.SAFE, 1);
        }
        if (code == RequestRejectedException.Code.FAILED_PRECONDITION && "engine".equals(e.field())) {
            // the engine is closing: nothing ran, and another instance may take it
            return unavailable("the server is shutting down", Retry.SAFE);
        }
        return new ApiError(code.httpStatus(), code.grpcCode(), e.getMessage(), Retry.NEVER, null);
    }

    public static ApiError unauthenticated() {
        return new ApiError(401, UNAUTHENTICATED, "unauthenticated", Retry.NEVER, null);
    }

    public static ApiError invalid(String message) {
        return new ApiError(400, INVALID_ARGUMENT, message, Retry.NEVER, null);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, NOT_FOUND, message, Retry.NEVER, null);
    }

    /** A body over the cap: 413, with the code of a request the caller must change. */
    public static ApiError bodyTooLarge(long maxBytes) {
        return new ApiError(413, INVALID_ARGUMENT, "body: is larger than " + maxBytes
                + " bytes; allowed: at most " + maxBytes + " bytes (the server's maxBodyBytes)", Retry.NEVER, null);
    }

    public static ApiError unimplemented(String message) {
        return new ApiError(501, UNIMPLEMENTED, message, Retry.NEVER, null);
    }

    public static ApiError unavailable(String message, Retry retry) {
        return new ApiError(503, UNAVAILABLE, message, retry, retry == Retry.SAFE ? 1 : null);
    }

    /** The request's time ran out while an execution it started (or attached to) had no record yet. */
    public static ApiError deadlineExceeded(String message) {
        return new ApiError(504, DEADLINE_EXCEEDED, message, Retry.NEVER, null);
    }

    public static ApiError internal(String message, Retry retry) {
        return new ApiError(500, INTERNAL, message, retry, null);
    }

    /** An error Javalin or Jetty raised (a malformed request), by its HTTP status. */
    public static ApiError ofStatus(int status, String message) {
        int code = switch (status) {
            case 400, 411, 413, 414, 415, 431 -> INVALID_ARGUMENT;
            case 401 -> UNAUTHENTICATED;
            case 404, 405 -> NOT_FOUND;
            case 408, 504 -> DEADLINE_EXCEEDED;
            case 501 -> UNIMPLEMENTED;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : INVALID_ARGUMENT;
        };
        return new ApiError(status, code, message, Retry.NEVER, null);
    }

    public int status() {
        return status;
    }

    public int grpcCode() {
        return grpcCode;
    }

    public Retry retry() {
        return retry;
    }

    /** Seconds for {@code Retry-After}, when the client should wait before sending it again. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
