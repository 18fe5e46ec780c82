package io.corral.engine.lang;

import io.corral.api.Outcome;

import java.util.Objects;

/**
 * How a guest's own code ended, as its language reports it: ran to its end, exited with a status,
 * or stopped with an error it did not handle (or could not parse). The engine turns this, with
 * what the host saw (time limit, cancellation, host failures), into the execution's
 * {@link Outcome} in one place.
 *
 * @param kind       {@link Outcome.Kind#COMPLETED}, {@link Outcome.Kind#EXITED},
 *                   {@link Outcome.Kind#GUEST_ERROR} or {@link Outcome.Kind#SYNTAX_ERROR}
 * @param exitStatus the status the language gives that ending (0 for completed)
 */
public record GuestStatus(Outcome.Kind kind, int exitStatus) {

    public GuestStatus {
        Objects.requireNonNull(kind, "kind");
        if (kind != Outcome.Kind.COMPLETED && kind != Outcome.Kind.EXITED && kind != Outcome.Kind.GUEST_ERROR
                && kind != Outcome.Kind.SYNTAX_ERROR) {
            throw new IllegalArgumentException("a guest reports completed, exited, guest_error or syntax_error, not "
                    + kind.wireName());
        }
    }

    public static GuestStatus completed() {
        return new GuestStatus(Outcome.Kind.COMPLETED, 0);
    }

    public static GuestStatus exited(int status) {
        return new GuestStatus(Outcome.Kind.EXITED, status);
    }

    public static GuestStatus guestError(int status) {
        return new GuestStatus(Outcome.Kind.GUEST_ERROR, status == 0 ? 1 : status);
    }

    public static GuestStatus syntaxError(int status) {
        return new GuestStatus(Outcome.Kind.SYNTAX_ERROR, status == 0 ? 1 : status);
    }

    /** From the wire name a prelude reports ({@code completed}, {@code exited}, {@code guest_error}, {@code syntax_error}). */
    public static GuestStatus of(String kind, int status) {
        return switch (kind) {
            case "completed" -> status == 0 ? completed() : exited(status);
            case "exited" -> exited(status);
            case "syntax_error" -> syntaxError(status);
            case "guest_error" -> guestError(status);
            default -> throw new IllegalArgumentException("unknown guest status kind '" + kind + "'");
        };
    }
}
