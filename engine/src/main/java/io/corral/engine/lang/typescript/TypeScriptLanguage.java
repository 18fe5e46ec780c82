package io.corral.engine.lang.typescript;

import io.corral.api.Language;
import io.corral.engine.lang.ExecutionBinding;
import io.corral.engine.lang.FunctionOutcome;
import io.corral.engine.lang.GuestContext;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.lang.GuestStatus;
import io.corral.engine.lang.javascript.JavaScriptLanguage;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import java.nio.file.Path;
import java.util.Optional;

/**
 * TypeScript: the official compiler ({@code typescript} 6.x {@code transpileModule}) turns the
 * source into JavaScript in long-lived compiler contexts that never run user code, then the output
 * runs in a fresh JavaScript context exactly as JavaScript does (same prelude, globals, sandbox,
 * limits and function contract: this class composes a {@link JavaScriptLanguage}).
 *
 * <p>Types are not checked (as on Riza); syntax errors go to stderr with the TypeScript line and
 * column and exit code 1. Output is cached by content hash in memory, per engine, and on disk only
 * in a directory the embedder chose ({@code ExecutionEngine.Builder.cacheDirectory}; see
 * {@code docs/languages/typescript.md}).
 *
 * <pre>{@code
 * engine.run(ScriptRequest.of(Language.TYPESCRIPT, "enum C { A = 41 } console.log(C.A + 1)"));
 * }</pre>
 */
public final class TypeScriptLanguage extends GuestLanguage {

    private static final int MEMORY_ENTRIES = 256;
    private static final int DISK_ENTRIES = 1000;

    private final JavaScriptLanguage javascript = new JavaScriptLanguage();
    private final TypeScriptCompiler compiler = new TypeScriptCompiler(this::engine);
    private final TranspileCache cache;

    public TypeScriptLanguage() {
        this(Optional.empty());
    }

    /** @param diskCache where transpiled output is kept between engines (owner-only), or empty */
    public TypeScriptLanguage(Optional<Path> diskCache) {
        this.cache = new TranspileCache(compiler.fingerprint(), diskCache, MEMORY_ENTRIES, DISK_ENTRIES);
    }

    @Override
    public Language language() {
        return Language.TYPESCRIPT;
    }

    @Override
    protected String[] permittedLanguages() {
        return permittedLanguagesOf(javascript);
    }

    @Override
    protected SandboxPolicy sandboxPolicy() {
        return sandboxPolicyOf(javascript);
    }

    @Override
    protected Context.Builder configure(Context.Builder builder) {
        return configureAs(javascript, builder);
    }

    @Override
    protected Source prelude() {
        return preludeOf(javascript);
    }

    @Override
    public void prepare() {
        compiler.loadInBackground();
    }

    @Override
    protected GuestStatus runScript(GuestContext context, ExecutionBinding binding, String code) {
        TypeScriptCompiler.Result result = transpile(context, binding, code);
        if (!result.ok()) {
            reportSyntaxErrors(context, binding, result);
            return GuestStatus.syntaxError(1);
        }
        return runScriptAs(javascript, context, binding, result.javascript());
    }

    @Override
    public boolean supportsWarmInstances() {
        return javascript.supportsWarmInstances();
    }

    @Override
    protected FunctionOutcome loadFunction(GuestContext context, ExecutionBinding binding, String code) {
        TypeScriptCompiler.Result result = transpile(context, binding, code);
        if (!result.ok()) {
            reportSyntaxErrors(context, binding, result);
            return FunctionOutcome.error(GuestStatus.syntaxError(1));
        }
        return loadFunctionAs(javascript, context, binding, result.javascript());
    }

    @Override
    protected FunctionOutcome invokeFunction(GuestContext context, ExecutionBinding binding, String inputJson,
                                             boolean again) {
        return invokeFunctionAs(javascript, context, binding, inputJson, again);
    }

    @Override
    protected boolean readyForAnotherCall(GuestContext context) {
        return readyForAnotherCallAs(javascript, context);
    }

    private TypeScriptCompiler.Result transpile(GuestContext context, ExecutionBinding binding, String code) {
        String key = cache.key(binding.scriptPath() + "\n" + code);
        Optional<String> cached = cache.get(key);
        if (cached.isPresent()) {
            return new TypeScriptCompiler.Result(cached.get(), java.util.List.of());
        }
        TypeScriptCompiler.Result result = compiler.transpile(code, binding.scriptPath(), context);
        if (result.ok()) {
            cache.put(key, result.javascript());
        }
        return result;
    }

    private static void reportSyntaxErrors(GuestContext context, ExecutionBinding binding,
                                           TypeScriptCompiler.Result result) {
        StringBuilder sb = new StringBuilder();
        for (TypeScriptCompiler.Diagnostic d : result.errors()) {
            sb.append(binding.scriptPath()).append(':').append(d.line()).append(':').append(d.column())
                    .append(" - error TS").append(d.code()).append(": ").append(d.message()).append('\n');
        }
        // through the execution's own capped stderr, exactly where a guest's write would go
        ((ProxyExecutable) context.bridge().getMember("write")).execute(Value.asValue(2), Value.asValue(sb.toString()));
    }

    /** As JavaScript reports it (Node's shape), since the code that failed ran as JavaScript. */
    @Override
    public String describeUncaught(PolyglotException e, int maxChars) {
        return javascript.describeUncaught(e, maxChars);
    }

    @Override
    public String versionLine() {
        return "TypeScript " + compiler.version() + " (transpiled, then run as " + javascript.versionLine() + ")";
    }

    @Override
    public void close() {
        compiler.close();
        super.close();
        javascript.close();
    }
}
