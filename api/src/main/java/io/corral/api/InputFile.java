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
 *
 * @since 0.1
 */
public final class InputFile {

    /** Where input files appear in the guest. */
    public static final String MOUNT = "/mnt/req";

    private final String path;
    private final String contents;

    private InputFile(String path, String contents) {
        this.path = Objects.requireNonNull(path, "path");
        this.contents = contents == null ? "" : contents;
    }

    /** A file at {@code /mnt/req/<path>}; null contents is an empty file. Paths are checked by the engine. */
    public static InputFile of(String path, String contents) {
        return new InputFile(path, contents);
    }

    public String path() {
        return path;
    }

    public String contents() {
        return contents;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputFile f && path.equals(f.path) && contents.equals(f.contents);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, contents);
    }

    @Override
    public String toString() {
        return "InputFile{" + path + ", " + contents.length() + " chars}";
    }
}
