package io.corral.server.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One line per request on the {@code java.util.logging} logger {@value #LOGGER_NAME}, at INFO:
 *
 * <pre>
 * POST /v1/execute 200 523ms key_1f0c9e2d4b7a
 * GET /v1/executions?limit=2&amp;starting_after=01JM3JQFH1HW3SKDNEJTJJH740 200 4ms key_1f0c9e2d4b7a
 * GET /v1/tools 401 0ms -
 * </pre>
 *
 * <p>Never in it: headers (so no {@code Authorization}), bodies (code, stdin, env, secrets), and
 * query parameters other than the pagination ones (their values show as {@code ...}). Text a
 * client controls is escaped, so a request cannot forge log lines.
 */
public final class AccessLog {

    public static final String LOGGER_NAME = "io.corral.server.access";

    private static final Logger LOG = Logger.getLogger(LOGGER_NAME);
    private static final Set<String> SHOWN_PARAMETERS = Set.of("limit", "starting_after", "only_non_zero_exit_codes");
    private static final int MAX_PATH_CHARS = 512;

    private AccessLog() {
    }

    static void log(String method, String path, String query, int status, long millis, String keyId) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        StringBuilder line = new StringBuilder(128);
        line.append(escape(method)).append(' ').append(escape(path));
        if (query != null && !query.isEmpty()) {
            line.append('?').append(query(query));
        }
        line.append(' ').append(status).append(' ').append(millis).append("ms ").append(keyId == null ? "-" : keyId);
        LOG.info(line.toString());
    }

    private static String query(String query) {
        StringBuilder sb = new StringBuilder();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(escape(name)).append('=');
            sb.append(SHOWN_PARAMETERS.contains(name) && eq >= 0 ? escape(pair.substring(eq + 1)) : "...");
        }
        return sb.toString();
    }

    /** Printable ASCII as is, anything else as {@code \\uXXXX}; long text cut. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_PATH_CHARS) + 8);
        for (int i = 0; i < s.length(); i++) {
            if (sb.length() >= MAX_PATH_CHARS) {
                sb.append("...");
                break;
            }
            char c = s.charAt(i);
            if (c >= 0x21 && c < 0x7f && c != '\\') {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }
}
