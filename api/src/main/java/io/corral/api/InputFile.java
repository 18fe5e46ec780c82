package io.corral.api;

import java.util.Objects;

/**
 * A file handed to the guest: Riza's {@code File}. It appears read-only at
 * {@code /mnt/req/<path>}; {@code path} may contain subdirectories ({@code img/logo.svg}).
 * {@code contents} is text (use base64 for binary data, as Riza's clients did).
 *
 * <pre>{@code
 * ScriptRequest.newBuilder(Language.PYTHON, "print(open('/mnt/req/d/x.txt').read())")
 *         .file("d/x.txt", "42")
 *         .build();
 * }</pre>
 */
public record InputFile(String path, String contents) {

    /** Where input files appear in the guest. */
    public static final String MOUNT = "/mnt/req";

    public InputFile {
        Objects.requireNonNull(path, "path");
        contents = contents == null ? "" : contents;
    }
}
