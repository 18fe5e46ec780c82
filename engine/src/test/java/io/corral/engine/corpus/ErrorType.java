package io.corral.engine.corpus;

import io.corral.api.Language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How stderr is compared: an uncaught error by its type only (each language's report names it;
 * messages, paths, frames and trace formats differ between versions), anything else as text.
 */
public final class ErrorType {

    private static final Pattern PYTHON_LAST = Pattern.compile("^([A-Za-z_][\\w.]*)(?::.*)?$");
    private static final Pattern JS_ERROR = Pattern.compile("^(?:Uncaught )?([A-Z][\\w$]*)(?: \\[[\\w_]+\\])?(?::.*)?$");
    private static final Pattern RUBY_ERROR = Pattern.compile("\\(([A-Z][\\w:]*)\\)$", Pattern.MULTILINE);
    private static final Pattern PHP_UNCAUGHT = Pattern.compile("Uncaught ([\\w\\\\]+)");
    private static final Pattern PHP_FATAL = Pattern.compile("^(?:PHP )?(Parse error|Fatal error)", Pattern.MULTILINE);

    private ErrorType() {
    }

    /** {@code error <Type>} for an uncaught error, else the text itself (empty when there is none). */
    public static String of(Language language, String stderr) {
        if (stderr.isEmpty()) {
            return "";
        }
        String type = switch (language) {
            case PYTHON -> python(stderr);
            case JAVASCRIPT, TYPESCRIPT -> javascript(stderr);
            case RUBY -> ruby(stderr);
            case PHP -> php(stderr);
        };
        return type != null ? "error " + type : stderr;
    }

    private static String python(String stderr) {
        if (!stderr.contains("Traceback (most recent call last):") && !stderr.contains("\n    ^")
                && !stderr.startsWith("  File \"")) {
            return null;
        }
        String[] lines = stderr.strip().split("\n");
        Matcher m = PYTHON_LAST.matcher(lines[lines.length - 1]);
        return m.matches() ? m.group(1) : null;
    }

    private static String javascript(String stderr) {
        if (stderr.contains("[UnhandledPromiseRejection")) {
            return "UnhandledPromiseRejection";
        }
        String[] lines = stderr.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = JS_ERROR.matcher(lines[i]);
            boolean framed = i + 1 < lines.length && lines[i + 1].startsWith("    at ");
            if (m.matches() && (framed || i == lines.length - 1 || m.group(1).endsWith("Error"))) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String ruby(String stderr) {
        Matcher m = RUBY_ERROR.matcher(stderr.lines().findFirst().orElse(""));
        return m.find() ? m.group(1) : null;
    }

    private static String php(String stderr) {
        Matcher uncaught = PHP_UNCAUGHT.matcher(stderr);
        if (uncaught.find()) {
            return uncaught.group(1);
        }
        Matcher fatal = PHP_FATAL.matcher(stderr);
        return fatal.find() ? fatal.group(1) : null;
    }
}
