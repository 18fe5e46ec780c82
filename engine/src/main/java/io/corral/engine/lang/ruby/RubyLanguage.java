package io.corral.engine.lang.ruby;

import io.corral.api.Language;
import io.corral.engine.lang.ExecutionBinding;
import io.corral.engine.lang.GuestContext;
import io.corral.engine.lang.GuestLanguage;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyArray;

import java.util.ArrayList;

/**
 * TruffleRuby in-process. TruffleRuby accepts only the TRUSTED sandbox policy, so every access is
 * switched off by hand: no native access (with it, TruffleRuby reads host files, spawns processes
 * and sees the host environment), no IO, no processes, no threads, no host classes, no polyglot,
 * no host environment. What needs native access ({@code File}, real {@code ENV}, {@code require}
 * of most of the standard library) is unavailable; the prelude ({@code prelude.rb}) sets
 * {@code ARGV} and runs the script.
 */
public final class RubyLanguage extends GuestLanguage {

    private final Source prelude = resourceSource("ruby", "prelude.rb", "<corral-prelude>");

    @Override
    public Language language() {
        return Language.RUBY;
    }

    @Override
    protected String[] permittedLanguages() {
        return new String[] {"ruby"};
    }

    @Override
    protected SandboxPolicy sandboxPolicy() {
        return SandboxPolicy.TRUSTED;
    }

    @Override
    protected Context.Builder configure(Context.Builder builder) {
        return builder
                .allowNativeAccess(false)
                .allowIO(IOAccess.NONE)
                .allowCreateProcess(false)
                .allowCreateThread(false)
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(className -> false)
                .allowHostClassLoading(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowExperimentalOptions(true)
                .option("ruby.platform-native", "false")
                .option("ruby.polyglot-stdio", "true");
    }

    @Override
    protected Source prelude() {
        return prelude;
    }

    @Override
    protected int runScript(GuestContext context, ExecutionBinding binding, String code) {
        Value status = context.entry().execute(context.bridge(), RubyStdlib.INSTANCE, binding.scriptPath(),
                strings(binding.args()), strings(binding.env().keySet()), strings(binding.env().values()),
                binding.stdin(), code);
        return status.fitsInInt() ? status.asInt() & 0xFF : 1;
    }

    private static ProxyArray strings(java.util.Collection<String> values) {
        return ProxyArray.fromList(new ArrayList<>(values));
    }

    @Override
    public String versionLine() {
        try (GuestContext c = newContext()) {
            return "Ruby " + c.polyglotContext().eval("ruby", "RUBY_VERSION").asString()
                    + " (TruffleRuby " + engine().getLanguages().get("ruby").getVersion() + ")";
        }
    }
}
