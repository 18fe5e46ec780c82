package io.corral.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A guest language Corral can run.
 *
 * <pre>{@code
 * Language lang = Language.parse("PYTHON");   // case-insensitive, as old Riza clients send it
 * lang.wireName();                           // "python"
 * }</pre>
 *
 * @since 0.1
 */
public enum Language {
    PYTHON("python", ".py"),
    JAVASCRIPT("javascript", ".js"),
    TYPESCRIPT("typescript", ".ts"),
    RUBY("ruby", ".rb"),
    PHP("php", ".php");

    private final String wireName;
    private final String fileExtension;

    Language(String wireName, String fileExtension) {
        this.wireName = wireName;
        this.fileExtension = fileExtension;
    }

    /** The lower-case name used on the wire and on the command line. */
    public String wireName() {
        return wireName;
    }

    /** The extension of the script file the guest sees as its own path, e.g. {@code .py}. */
    public String fileExtension() {
        return fileExtension;
    }

    /** Every language's wire name, comma-separated, for error messages. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(Language::wireName).collect(Collectors.joining(", "));
    }

    /**
     * Parses a language name case-insensitively.
     *
     * @throws RequestRejectedException naming the field {@code language} when the name is unknown
     */
    public static Language parse(String name) {
        if (name == null || name.isBlank()) {
            throw RequestRejectedException.invalid("language", "is required", allowedNames());
        }
        String lower = name.trim().toLowerCase(Locale.ROOT);
        for (Language l : values()) {
            if (l.wireName.equals(lower)) {
                return l;
            }
        }
        throw RequestRejectedException.invalid("language", "unknown language '" + name + "'", allowedNames());
    }

    @Override
    public String toString() {
        return wireName;
    }
}
