package io.corral.engine.lang;

import io.corral.api.OutputStatus;

import java.util.Objects;

/**
 * What a guest's {@code execute(input)} produced, as its language saw it.
 *
 * @param status     valid / json_serialization_error / error
 * @param outputJson the return value serialized by the guest's own JSON rules, or null unless valid
 * @param ended      how the guest's code ended: completed when execute returned (whatever its
 *                   value); an exit or an error when it raised, exited or was missing (the message is
 *                   then already on the guest's stderr)
 */
public record FunctionOutcome(OutputStatus status, String outputJson, GuestStatus ended) {

    public FunctionOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ended, "ended");
    }

    public static FunctionOutcome valid(String outputJson) {
        return new FunctionOutcome(OutputStatus.VALID, outputJson, GuestStatus.completed());
    }

    public static FunctionOutcome notSerializable() {
        return new FunctionOutcome(OutputStatus.JSON_SERIALIZATION_ERROR, null, GuestStatus.completed());
    }

    /** execute did not return: it raised, exited or was missing. */
    public static FunctionOutcome error(GuestStatus ended) {
        return new FunctionOutcome(OutputStatus.ERROR, null, ended);
    }
}
