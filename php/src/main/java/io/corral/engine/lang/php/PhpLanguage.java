package io.corral.engine.lang.php;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.corral.api.Language;
import io.corral.engine.lang.ExecutionBinding;
import io.corral.engine.lang.FunctionOutcome;
import io.corral.engine.lang.GuestContext;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.lang.GuestStatus;
import io.corral.engine.lang.Json;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PHP 8.4: the Emscripten build published on npm as {@code @php-wasm/node-8-4}, run by GraalJS
 * with WebAssembly (GraalWasm) under {@link SandboxPolicy#CONSTRAINED}. PHP sees an in-memory file
 * system only; {@code php.ini} disables the functions that reach processes or the network.
 *
 * <p>The WebAssembly module is compiled once per engine (GraalWasm caches the parse of identical
 * bytes); each context instantiates it while it is created, before any execution is bound, so a
 * pool of pre-created contexts would take that cost off the request.
 *
 * <pre>{@code
 * engine.run(ScriptRequest.of(Language.PHP, "<?php echo json_encode(['a' => 1]);"));
 * }</pre>
 */
public final class PhpLanguage extends GuestLanguage {

    private static final String LOADER_MARKER = "/*@corral-php-loader@*/";
    private static final String RUNTIME = "runtime/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String phpVersion;
    private final String packageVersion;
    private final Source prelude;
    private final String ini = text("php.ini");
    private final String functionRunner = text("function-runner.php");
    private final String prepend = text("prepend.php");
    private final String httpPhp = text("http.php");
    private volatile ByteBuffer wasm;
    private volatile String messages;

    /**
     * Fibers need stack switching, which this WebAssembly build does not have (Emscripten has no
     * {@code getcontext}/{@code swapcontext}: the runtime aborts). php.ini sets
     * {@code fiber.stack_size = 0}, so {@code Fiber::start()} throws PHP's catchable "stack size is
     * too small" exception before it gets there, and the runtime rewrites that message (a literal
     * used nowhere else) to say why.
     */
    private static final String FIBER_STACK_MESSAGE = "Fiber stack size is too small, it needs to be at least %zu bytes";
    private static final String FIBER_UNAVAILABLE = "Fiber is not available: this PHP runs as WebAssembly";

    /** The loader's stubs for C functions the build lacks abort with a template it never filled in. */
    private static final Pattern MISSING_FUNCTION =
            Pattern.compile("var _(\\w+) = \\(\\) => abort\\('missing function: \\$\\{name\\}'\\);");

    public PhpLanguage() {
        String loader = text(RUNTIME + "php_8_4.js");
        Matcher version = Pattern.compile("const phpVersionString = '([^']+)';").matcher(loader);
        int start = loader.indexOf("const phpVersionString");
        if (!version.find() || start < 0 || !loader.contains("export function init(")) {
            throw new IllegalStateException("the bundled PHP loader does not have the expected shape; "
                    + "check the @php-wasm/node-8-4 version in php/src/main/npm/php-wasm");
        }
        this.phpVersion = version.group(1);
        // the loader is an ES module for Node; its body from here on is plain JavaScript once the
        // Node import lines above it are dropped and `init` is no longer exported
        String body = MISSING_FUNCTION.matcher(loader.substring(start).replace("export function init(", "function init("))
                .replaceAll(m -> "var _" + m.group(1) + " = () => abort('missing function: " + m.group(1)
                        + (m.group(1).endsWith("context") ? " (" + FIBER_UNAVAILABLE + ")" : "") + "');");
        String runtime = text("php-runtime.js").replace(LOADER_MARKER, body);
        this.prelude = Source.newBuilder("js", runtime, "<corral-php-runtime>").internal(true).buildLiteral();
        this.packageVersion = readPackageVersion();
    }

    @Override
    public Language language() {
        return Language.PHP;
    }

    @Override
    protected String[] permittedLanguages() {
        return new String[] {"js", "wasm"};
    }

    @Override
    protected SandboxPolicy sandboxPolicy() {
        return SandboxPolicy.CONSTRAINED;
    }

    @Override
    protected Context.Builder configure(Context.Builder builder) {
        return builder
                // JS may reach wasm (and nothing else: the context permits only js and wasm)
                .allowPolyglotAccess(PolyglotAccess.ALL)
                // the one host buffer the runtime sees: the read-only bytes of php_8_4.wasm
                .allowHostAccess(HostAccess.newBuilder(HostAccess.CONSTRAINED).allowBufferAccess(true).build())
                .option("js.webassembly", "true")
                .option("js.load", "false")
                .option("js.print", "false");
    }

    /** A used PHP context holds its WebAssembly memory (64 MiB or more) until closed: one waits at most. */
    @Override
    protected int closeQueue() {
        return 1;
    }

    @Override
    protected boolean usesGuestFileSystem() {
        // PHP's files live in its own WebAssembly memory file system (input files are copied there)
        return false;
    }

    @Override
    protected Source prelude() {
        return prelude;
    }

    @Override
    protected Value initialize(Context context, Value runtime) {
        runtime.invokeMember("instantiate", wasmBytes());
        // PHP comes up in the loader's promise jobs, which ran when control came back here
        runtime.invokeMember("prepare", ini, functionRunner, prepend, httpPhp, messages);
        return runtime;
    }

    @Override
    protected GuestStatus runScript(GuestContext context, ExecutionBinding binding, String code) {
        bind(context, binding);
        context.entry().invokeMember("runScript", code);
        JsonNode result = await(context);
        return ended(exitStatus(context, result));
    }

    /**
     * PHP reports an ending by its status alone: 0 ran to its end (or exit(0)), 255 a fatal error
     * (a parse error included: PHP gives it the same status), anything else an exit.
     */
    private static GuestStatus ended(int status) {
        return status == 0 ? GuestStatus.completed() : status == 255 ? GuestStatus.guestError(255)
                : GuestStatus.exited(status);
    }

    @Override
    protected FunctionOutcome runFunction(GuestContext context, ExecutionBinding binding, String code,
                                          String inputJson) {
        bind(context, binding);
        context.entry().invokeMember("runFunction", code, inputJson == null ? "null" : inputJson);
        JsonNode result = await(context);
        int exit = exitStatus(context, result);
        String status = result.path("status").asText("");
        if (exit == 0 && status.equals("valid") && result.has("output")) {
            return FunctionOutcome.valid(result.get("output").asText());
        }
        if (exit == 0 && status.equals("json_serialization_error")) {
            return FunctionOutcome.notSerializable();
        }
        return FunctionOutcome.error(exit == 0 ? GuestStatus.guestError(1) : ended(exit));
    }

    private static void bind(GuestContext context, ExecutionBinding binding) {
        // stdin and output cross as bytes, as PHP sees them; only the host encodes or decodes text
        context.entry().invokeMember("bind", context.bridge(), new PhpOutput(context.bridge()), binding.scriptPath(),
                Json.stringList(binding.args()), Json.stringMap(binding.env()),
                ByteBuffer.wrap(binding.stdin().getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer(),
                Json.files(binding.files()));
    }

    /** Runs PHP's event loop (its asyncify sleeps) until PHP has ended. */
    private static JsonNode await(GuestContext context) {
        Value poll = context.entry().getMember("poll");
        while (true) {
            int wait = poll.execute().asInt();
            if (wait < 0) {
                break;
            }
            if (wait > 0) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while PHP slept");
                }
            }
        }
        try {
            return JSON.readTree(context.entry().invokeMember("result").asString());
        } catch (IOException e) {
            throw new IllegalStateException("the PHP runtime returned malformed JSON", e);
        }
    }

    private static int exitStatus(GuestContext context, JsonNode result) {
        if (result.has("crash")) {
            // a trap or abort inside the WebAssembly runtime, not an error PHP reported itself
            ((ProxyExecutable) context.bridge().getMember("write")).execute(Value.asValue(2),
                    Value.asValue("PHP runtime error: " + result.get("crash").asText().lines().findFirst().orElse("")
                            + "\n"));
            return 255;
        }
        return result.path("exit").asInt(0);
    }

    private ByteBuffer wasmBytes() {
        ByteBuffer b = wasm;
        if (b == null) {
            synchronized (this) {
                b = wasm;
                if (b == null) {
                    try (InputStream in = resource(RUNTIME + phpVersion + "/php_8_4.wasm",
                            RUNTIME + phpVersion.replace('.', '_') + "/php_8_4.wasm")) {
                        b = ByteBuffer.wrap(in.readAllBytes()).asReadOnlyBuffer();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    messages = messageRewrites(b);
                    wasm = b;
                }
            }
        }
        return b.duplicate();
    }

    /** {@code [[address, message, replacement], …]}: C string literals the runtime rewrites in place. */
    private static String messageRewrites(ByteBuffer wasm) {
        List<List<Object>> rewrites = new ArrayList<>();
        WasmStaticData.addressOf(wasm, FIBER_STACK_MESSAGE)
                .ifPresent(at -> rewrites.add(List.of(at, FIBER_STACK_MESSAGE, FIBER_UNAVAILABLE)));
        try {
            return JSON.writeValueAsString(rewrites);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String versionLine() {
        return "PHP " + phpVersion + " (WebAssembly, @php-wasm/node-8-4 " + packageVersion + ", on GraalJS/GraalWasm "
                + io.corral.engine.BuildInfo.graalVersion() + ")";
    }

    private String readPackageVersion() {
        try {
            return JSON.readTree(text(RUNTIME + "package.json")).get("version").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String... names) {
        for (String name : names) {
            InputStream in = PhpLanguage.class.getResourceAsStream(name);
            if (in != null) {
                return in;
            }
        }
        throw new IllegalStateException("missing " + String.join(" or ", names) + " beside "
                + PhpLanguage.class.getName() + " (the build fetches @php-wasm/node-8-4 with npm)");
    }

    private static String text(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
