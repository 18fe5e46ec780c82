package io.corral.engine.lang.javascript;

import io.corral.api.Language;
import io.corral.api.OutputStatus;
import io.corral.engine.lang.ExecutionBinding;
import io.corral.engine.lang.FunctionOutcome;
import io.corral.engine.lang.GuestContext;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.lang.GuestStatus;
import io.corral.engine.lang.Json;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * GraalJS under {@link SandboxPolicy#CONSTRAINED}, made to feel like Node: no host classes
 * ({@code Java.type} is absent), no polyglot eval, no files, no sockets, and a prelude that gives
 * scripts {@code require}, {@code process}, a Node-formatted {@code console}, timers with an event
 * loop, and the web globals Node has (see {@code docs/languages/javascript.md}).
 *
 * <p>Code runs as a classic script; when it only parses as an ES module (top-level {@code await},
 * {@code import}, {@code export}) it runs as a module, as Node 22 detects it. Either way a
 * top-level {@code function execute(input)} is found for the function contract:
 * <pre>{@code
 * engine.call(FunctionRequest.newBuilder(Language.JAVASCRIPT,
 *         "async function execute(input) { return { n: input.n + 1 }; }")
 *     .inputJson("{\"n\": 1}").build());   // output {"n":2}
 * }</pre>
 */
public final class JavaScriptLanguage extends GuestLanguage {

    /** Prelude parts, in load order: each may use what the earlier ones put on {@code corral}. */
    private static final List<String> PRELUDE_PARTS = List.of("inspect.js", "intl.js", "events.js", "loop.js", "web.js",
            "url.js", "fetch.js", "process.js", "modules.js", "console.js", "function.js", "prelude.js");

    private static final String MODULE_MIME_TYPE = "application/javascript+module";

    // appended to code that runs as a module: module-scope declarations are not global, so a plain
    // (unexported) `function execute` would otherwise be out of the host's reach
    private static final String MODULE_TRAILER =
            "\n;globalThis[Symbol.for('corral.execute')] = typeof execute === 'undefined' ? undefined : execute;\n";

    /** Node's exit status for a top-level await that can never settle. */
    private static final int UNSETTLED_TOP_LEVEL_AWAIT = 13;

    private final Source prelude = Source.newBuilder("js", preludeText(), "<corral-prelude>")
            .internal(true).buildLiteral();

    // global lookup (script scope), so a top-level `const execute = …` is found as well as a function
    private final Source findExecute = Source.newBuilder("js",
            "typeof execute === 'undefined' ? undefined : execute", "<corral-find-execute>")
            .internal(true).buildLiteral();

    @Override
    public Language language() {
        return Language.JAVASCRIPT;
    }

    @Override
    protected String[] permittedLanguages() {
        return new String[] {"js"};
    }

    @Override
    protected SandboxPolicy sandboxPolicy() {
        return SandboxPolicy.CONSTRAINED;
    }

    @Override
    protected Context.Builder configure(Context.Builder builder) {
        return builder
                .option("js.unhandled-rejections", "throw")
                .option("js.load", "false")
                .option("js.print", "false");
    }

    @Override
    protected Source prelude() {
        return prelude;
    }

    @Override
    protected GuestStatus runScript(GuestContext context, ExecutionBinding binding, String code) {
        Value corral = bind(context, binding);
        Value topLevel = evaluate(context, corral, binding.scriptPath(), code);
        runLoop(corral, topLevel, false);
        if (topLevel != null) {
            if (topLevel.getMember("rejected").asBoolean()) {
                corral.getMember("fn").invokeMember("rethrow", topLevel);
            }
            if (!topLevel.getMember("settled").asBoolean()) {
                context.bridge().write(2, "Warning: Detected unsettled top-level await at "
                        + binding.scriptPath() + "\n");
                return GuestStatus.guestError(UNSETTLED_TOP_LEVEL_AWAIT);
            }
        }
        // process.exit ends the run through the bridge; an exit code set with process.exitCode is an exit too
        int status = corral.invokeMember("finish").asInt();
        return status == 0 ? GuestStatus.completed() : GuestStatus.exited(status);
    }

    @Override
    public boolean supportsWarmInstances() {
        return true;
    }

    /** What a loaded function's later calls need: the prelude's {@code corral} and {@code execute}. */
    private record Loaded(Value corral, Value execute) {
    }

    @Override
    protected FunctionOutcome loadFunction(GuestContext context, ExecutionBinding binding, String code) {
        Value corral = bind(context, binding);
        Value fn = corral.getMember("fn");
        Value topLevel = evaluate(context, corral, binding.scriptPath(), code);
        if (topLevel != null) {
            runLoop(corral, topLevel, true);
            if (topLevel.getMember("rejected").asBoolean()) {
                fn.invokeMember("rethrow", topLevel);
            }
            if (!topLevel.getMember("settled").asBoolean()) {
                context.bridge().write(2, "Warning: Detected unsettled top-level await at "
                        + binding.scriptPath() + "\n");
                return FunctionOutcome.error(GuestStatus.guestError(UNSETTLED_TOP_LEVEL_AWAIT));
            }
        }
        Value execute = fn.invokeMember("find", context.polyglotContext().eval(findExecute));
        if (execute.isNull()) {
            context.bridge().write(2, "ReferenceError: execute is not defined: define a top-level "
                    + "function execute(input) (export function and module.exports.execute also work)\n");
            return FunctionOutcome.error(GuestStatus.guestError(1));
        }
        if (!execute.canExecute()) {
            context.bridge().write(2, "TypeError: execute is not a function\n");
            return FunctionOutcome.error(GuestStatus.guestError(1));
        }
        context.loadedFunction(new Loaded(corral, execute));
        return null;
    }

    @Override
    protected FunctionOutcome invokeFunction(GuestContext context, ExecutionBinding binding, String inputJson,
                                             boolean again) {
        Loaded loaded = (Loaded) context.loadedFunction();
        Value corral = loaded.corral();
        if (again) {
            // a new execution: its bridge and environment; timers the last call left were never going
            // to run (a fresh context is closed with them), so they are dropped
            corral.invokeMember("rebind", context.bridge(), Json.stringMap(binding.env()));
        }
        Value fn = corral.getMember("fn");
        Value returned = fn.invokeMember("invoke", loaded.execute(), inputJson);
        runLoop(corral, returned, true);
        if (!returned.getMember("settled").asBoolean()) {
            context.bridge().write(2, "Error: the promise execute returned never settled "
                    + "(no timers or other work were left to settle it)\n");
            return FunctionOutcome.error(GuestStatus.guestError(1));
        }
        if (returned.getMember("rejected").asBoolean()) {
            fn.invokeMember("rethrow", returned);
        }
        Value serialized = fn.invokeMember("serialize", returned.getMember("value"));
        if (!"valid".equals(serialized.getArrayElement(0).asString())) {
            return FunctionOutcome.notSerializable();
        }
        return FunctionOutcome.valid(serialized.getArrayElement(1).asString());
    }

    /** Nothing of a call outlives it in JavaScript: the next call drops what its loop left. */
    @Override
    protected boolean readyForAnotherCall(GuestContext context) {
        return true;
    }

    private static Value bind(GuestContext context, ExecutionBinding binding) {
        return context.entry().execute(context.bridge(), binding.scriptPath(), Json.stringList(binding.args()),
                Json.stringMap(binding.env()), binding.stdin(), new JavaScriptModules(context.polyglotContext()));
    }

    /**
     * Runs the user's code: as a classic script, or as a module when only a module parses (so
     * top-level await works). Returns the tracker of the module's evaluation promise, or null for
     * a script. A script's own syntax error is the one reported when neither parses.
     */
    private static Value evaluate(GuestContext context, Value corral, String path, String code) {
        Context polyglot = context.polyglotContext();
        Source script = Source.newBuilder("js", code, path).cached(false).buildLiteral();
        Value program;
        try {
            program = polyglot.parse(script);
        } catch (PolyglotException scriptError) {
            if (!scriptError.isSyntaxError()) {
                throw scriptError;
            }
            Source module = Source.newBuilder("js", code + MODULE_TRAILER, path)
                    .mimeType(MODULE_MIME_TYPE).cached(false).buildLiteral();
            Value evaluation;
            try {
                evaluation = polyglot.eval(module);
            } catch (PolyglotException moduleError) {
                throw moduleError.isSyntaxError() ? scriptError : moduleError;
            }
            return corral.getMember("fn").invokeMember("track", evaluation);
        }
        // the main script's ticks run before its promise jobs: within the same call into the guest
        corral.getMember("loop").invokeMember("runMain", program);
        return null;
    }

    /**
     * Turns the event loop until no work is left, {@code watched} (a promise tracker) was
     * rejected, or, with {@code untilSettled}, it settled. Microtasks run at the end of every call
     * into the guest; a wait for a timer happens in the bridge's sleep, which cancel interrupts.
     */
    private static void runLoop(Value corral, Value watched, boolean untilSettled) {
        Value runOnce = corral.getMember("loop").getMember("runOnce");
        while (true) {
            if (watched != null) {
                if (watched.getMember("rejected").asBoolean()) {
                    return;
                }
                if (untilSettled && watched.getMember("settled").asBoolean()) {
                    return;
                }
            }
            if (!runOnce.execute().asBoolean()) {
                return;
            }
        }
    }

    /**
     * Node's shape: the error's own {@code Name: message} line, then {@code at} frames of the
     * user's code only (never host or prelude frames).
     */
    @Override
    public String describeUncaught(PolyglotException e, int maxChars) {
        String message = messageOf(e, maxChars);
        String rejection = "Error: Unhandled promise rejection: ";
        if (message.startsWith(rejection)) {
            message = "[UnhandledPromiseRejection: This error originated either by throwing inside of an async "
                    + "function without a catch block, or by rejecting a promise which was not handled with "
                    + ".catch(). The promise rejected with the reason \"" + message.substring(rejection.length())
                    + "\".] {\n  code: 'ERR_UNHANDLED_REJECTION'\n}";
        }
        StringBuilder sb = new StringBuilder(message).append('\n');
        if (e.isSyntaxError()) {
            return sb.toString();
        }
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (sb.length() > maxChars) {
                break;
            }
            if (!f.isGuestFrame() || f.getSourceLocation() == null
                    || f.getSourceLocation().getSource().isInternal()) {
                continue;
            }
            var loc = f.getSourceLocation();
            String root = f.getRootName();
            String where = loc.getSource().getName() + ':' + loc.getStartLine() + ':' + loc.getStartColumn();
            if (root == null || root.isEmpty() || root.startsWith(":")) {
                sb.append("    at ").append(root != null && root.equals(":program") ? "Object.<anonymous> (" + where + ")" : where);
            } else {
                sb.append("    at ").append(root).append(" (").append(where).append(')');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public String versionLine() {
        // GraalJS reports its ECMAScript level only to guests (the Graal global)
        try (Context c = Context.newBuilder("js").engine(engine()).sandbox(SandboxPolicy.CONSTRAINED)
                .out(java.io.OutputStream.nullOutputStream()).err(java.io.OutputStream.nullOutputStream()).build()) {
            Value level = c.eval("js", "typeof Graal === 'object' ? Graal.versionECMAScript : undefined");
            return "ECMAScript " + (level.isNumber() ? Integer.toString(level.asInt()) : "(unknown)")
                    + " (GraalJS " + io.corral.engine.BuildInfo.graalVersion() + ")";
        }
    }

    /** The prelude parts, wrapped in one function so nothing but what they define leaks into the global scope. */
    private static String preludeText() {
        StringBuilder sb = new StringBuilder("(function (global) {\n'use strict';\nconst corral = {};\n");
        for (String part : PRELUDE_PARTS) {
            try (InputStream in = JavaScriptLanguage.class.getResourceAsStream(part)) {
                if (in == null) {
                    throw new IllegalStateException("missing guest resource " + part + " beside "
                            + JavaScriptLanguage.class.getName());
                }
                sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.append("return corral.bind;\n})(globalThis);\n").toString();
    }
}
