package io.corral.api;

import java.util.Locale;

/**
 * Where an execution runs.
 *
 * <pre>{@code
 * Isolation.parse("process");   // PROCESS
 * }</pre>
 *
 * @since 0.1
 */
public enum Isolation {
    /**
     * In a GraalVM context inside the embedding JVM: milliseconds per execution; the boundary is the
     * language implementation's sandbox plus Corral's lockdowns (docs/security.md).
     */
    IN_PROCESS("in-process"),
    /**
     * In a pooled worker JVM inside an OS sandbox (bubblewrap: no network, a read-only view of the
     * JDK and Corral's jars, its own user, process and memory bounds): a guest that breaks out of its
     * language reaches only its worker, which is replaced.
     */
    PROCESS("process");

    private final String wireName;

    Isolation(String wireName) {
        this.wireName = wireName;
    }

    /** {@code in-process} or {@code process}, as on the command line. */
    public String wireName() {
        return wireName;
    }

    /** The wire name, as {@link #wireName()}. */
    @Override
    public String toString() {
        return wireName;
    }

    /**
     * Parses {@code in-process} or {@code process} (case-insensitive; {@code in_process} too).
     *
     * @throws RequestRejectedException naming the field {@code isolation} when the name is unknown
     */
    public static Isolation parse(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Isolation i : values()) {
                if (i.wireName.equals(n)) {
                    return i;
                }
            }
        }
        throw RequestRejectedException.invalid("isolation", "is '" + name + "'", "in-process, process");
    }
}
