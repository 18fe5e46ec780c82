package io.corral.engine.lang.javascript;

import io.corral.api.Language;
import io.corral.engine.lang.ExecutionBinding;
import io.corral.engine.lang.GuestContext;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.lang.Json;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * GraalJS under {@link SandboxPolicy#CONSTRAINED}: no host classes ({@code Java.type} is absent),
 * no polyglot eval, no files, no sockets. The prelude ({@code prelude.js}) gives scripts the
 * Node-like globals they expect ({@code process}, {@code require('fs')} for stdin).
 */
public final class JavaScriptLanguage extends GuestLanguage {

    private final Source prelude = resourceSource("js", "prelude.js", "<corral-prelude>");

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
    protected int runScript(GuestContext context, ExecutionBinding binding, String code) {
        context.entry().execute(context.bridge(), binding.scriptPath(), Json.stringList(binding.args()),
                Json.stringMap(binding.env()), binding.stdin());
        Source source = Source.newBuilder("js", code, binding.scriptPath()).cached(false).buildLiteral();
        context.polyglotContext().eval(source);
        context.polyglotContext().getBindings("js").getMember("__corral_finish").execute();
        return 0;
    }

    @Override
    public String versionLine() {
        return "ECMAScript " + engine().getLanguages().get("js").getVersion().replaceFirst("^ECMAScript ", "")
                + " (GraalJS " + engineVersion() + ")";
    }

    private String engineVersion() {
        return engine().getVersion();
    }
}
