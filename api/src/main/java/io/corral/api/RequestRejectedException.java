package io.corral.api;

import java.util.Objects;

/**
 * A request refused before anything ran: invalid input, an unknown id, or no capacity left.
 * The message always reads {@code <field>: <problem>; allowed: <what>} so a caller can fix the
 * request without reading the source.
 *
 * <pre>{@code
 * try {
 *     engine.run(request);
 * } catch (RequestRejectedException e) {
 *     e.code();    // Code.INVALID_ARGUMENT
 *     e.field();   // "limits.execution_timeout"
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class RequestRejectedException extends RuntimeException {

    /** Why the request was refused; each maps to one gRPC status code and one HTTP status. */
    public enum Code {
        /** The request itself is malformed or breaks a quota (gRPC 3, HTTP 400). */
        INVALID_ARGUMENT(3, 400),
        /** A referenced tool, revision, secret or execution does not exist (gRPC 5, HTTP 404). */
        NOT_FOUND(5, 404),
        /** A name that must be unique is already taken (gRPC 6, HTTP 409). */
        ALREADY_EXISTS(6, 409),
        /** The engine has no capacity left: the queue is full (gRPC 8, HTTP 429). */
        RESOURCE_EXHAUSTED(8, 429),
        /** The request is valid but the engine is not in a state to run it (gRPC 9, HTTP 400). */
        FAILED_PRECONDITION(9, 400);

        private final int grpcCode;
        private final int httpStatus;

        Code(int grpcCode, int httpStatus) {
            this.grpcCode = grpcCode;
            this.httpStatus = httpStatus;
        }

        public int grpcCode() {
            return grpcCode;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Code code;
    private final String field;
    private final String problem;
    private final String allowed;

    public RequestRejectedException(Code code, String field, String problem, String allowed) {
        super(format(field, problem, allowed));
        this.code = Objects.requireNonNull(code, "code");
        this.field = Objects.requireNonNull(field, "field");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.allowed = allowed;
    }

    /** An {@link Code#INVALID_ARGUMENT} rejection of {@code field}. */
    public static RequestRejectedException invalid(String field, String problem, String allowed) {
        return new RequestRejectedException(Code.INVALID_ARGUMENT, field, problem, allowed);
    }

    /** A {@link Code#NOT_FOUND} rejection: {@code field} names an id that does not exist. */
    public static RequestRejectedException notFound(String field, String what, String id) {
        return new RequestRejectedException(Code.NOT_FOUND, field, what + " '" + id + "' not found",
                "the id of an existing " + what);
    }

    /** An {@link Code#ALREADY_EXISTS} rejection: {@code field} holds a value that must be unique. */
    public static RequestRejectedException alreadyExists(String field, String problem, String allowed) {
        return new RequestRejectedException(Code.ALREADY_EXISTS, field, problem, allowed);
    }

    private static String format(String field, String problem, String allowed) {
        return allowed == null || allowed.isEmpty()
                ? field + ": " + problem
                : field + ": " + problem + "; allowed: " + allowed;
    }

    public Code code() {
        return code;
    }

    /** The offending request field, dotted for nested fields ({@code limits.execution_timeout}). */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    /** What the field may hold instead, or null when there is nothing to add. */
    public String allowed() {
        return allowed;
    }
}
