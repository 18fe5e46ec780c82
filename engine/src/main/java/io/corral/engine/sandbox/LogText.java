package io.corral.engine.sandbox;

/**
 * Text bound for the host's log that a guest may have shaped (messages, names, values): one line,
 * bounded. Line breaks and other control characters are written as escapes, so a guest can never
 * start a forged log line of its own.
 *
 * <pre>{@code
 * LOG.warning("guest error: " + LogText.line(message));   // "a\\nSEVERE: b" stays on one line
 * }</pre>
 */
public final class LogText {

    /** Longest text kept in one log line; the rest is counted, not written. */
    public static final int MAX_CHARS = 2000;

    private LogText() {
    }

    /** {@code text} on one line: control characters escaped, cut at {@link #MAX_CHARS}. */
    public static String line(String text) {
        if (text == null) {
            return "null";
        }
        int end = Math.min(text.length(), MAX_CHARS);
        StringBuilder sb = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (text.length() > end) {
            sb.append("... (").append(text.length() - end).append(" more chars)");
        }
        return sb.toString();
    }
}
