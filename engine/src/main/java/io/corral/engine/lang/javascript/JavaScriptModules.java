package io.corral.engine.lang.javascript;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Loads the code of Node's built-in modules into a context when a guest first {@code require}s
 * them, so a context pays nothing for modules it never uses. The files are class-path resources
 * beside this class: Corral's own ({@code node/os.js}) and npm packages the build fetched
 * ({@code node_modules/buffer/index.js}; see {@code engine/src/main/npm/javascript}).
 *
 * <p>The prelude calls this proxy as {@code load(path)} and gets back the module's function
 * {@code (exports, require, module, __filename, __dirname, corral)}, or {@code null} when there is
 * no such file. Each file is one cached, internal {@link Source}: its parse is shared by every
 * context on the engine, and its frames never show in a guest's stack traces. The proxy answers for
 * bundled file names only: it reads nothing else and returns no host path.
 */
final class JavaScriptModules implements ProxyExecutable {

    /** A file under one of the two folders; no {@code ..}, no absolute path, only {@code .js}. */
    private static final Pattern PATH = Pattern.compile("(node|node_modules)(/[A-Za-z0-9@_][A-Za-z0-9@_.-]*)+\\.js");

    private static final String WRAPPER_START = "(function (exports, require, module, __filename, __dirname, corral) {";
    private static final String WRAPPER_END = "\n})";

    /** One Source per bundled file, for the JVM's lifetime (a few dozen files). */
    private static final Map<String, Optional<Source>> SOURCES = new ConcurrentHashMap<>();

    private final Context context;

    JavaScriptModules(Context context) {
        this.context = context;
    }

    @Override
    public Object execute(Value... args) {
        if (args.length != 1 || !args[0].isString()) {
            return null;
        }
        String path = args[0].asString();
        if (!PATH.matcher(path).matches() || path.contains("/.")) {
            return null;
        }
        Optional<Source> source = SOURCES.computeIfAbsent(path, JavaScriptModules::read);
        return source.map(context::eval).orElse(null);
    }

    private static Optional<Source> read(String path) {
        try (InputStream in = JavaScriptModules.class.getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // the wrapper keeps the file's first line on line 1, so its own line numbers stay right
            return Optional.of(Source.newBuilder("js", WRAPPER_START + text + WRAPPER_END, "node:" + path)
                    .internal(true).cached(true).buildLiteral());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
