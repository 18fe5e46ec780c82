package io.corral.engine.lang;

import io.corral.api.OutputStatus;

/**
 * What a guest's {@code execute(input)} produced, as its language saw it.
 *
 * @param status     valid / json_serialization_error / error
 * @param outputJson the return value serialized by the guest's own JSON rules, or null unless valid
 * @param exitCode   0 when execute returned (whatever its value); non-zero when it raised or was
 *                   missing (the message is then already on the guest's stderr)
 */
public record FunctionOutcome(OutputStatus status, String outputJson, int exitCode) {

    public static FunctionOutcome valid(String outputJson) {
        return new FunctionOutcome(OutputStatus.VALID, outputJson, 0);
    }

    public static FunctionOutcome notSerializable() {
        return new FunctionOutcome(OutputStatus.JSON_SERIALIZATION_ERROR, null, 0);
    }

    public static FunctionOutcome error(int exitCode) {
        return new FunctionOutcome(OutputStatus.ERROR, null, exitCode == 0 ? 1 : exitCode);
    }
}
