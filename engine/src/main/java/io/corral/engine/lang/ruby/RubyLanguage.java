package io.corral.engine.lang.ruby;

import io.corral.api.Language;
import io.corral.engine.lang.ExecutionBinding;
import io.corral.engine.lang.FunctionOutcome;
import io.corral.engine.lang.GuestContext;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.lang.GuestStatus;
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
 * and sees the host environment), no IO, no processes, no guest threads (fibers, which TruffleRuby
 * runs on threads of their own, are allowed), no host classes, no polyglot, no host environment.
 * What needs native access ({@code File}, the real {@code ENV} and stdin, TruffleRuby's own
 * {@code require}) is replaced by the prelude ({@code prelude.rb}): {@code ENV} and {@code STDIN}
 * from the request, and a {@code require} that loads the pure-Ruby standard library from
 * TruffleRuby's home (located through {@link RubyStdlib}); {@code files.rb} gives {@code File},
 * {@code IO} and {@code Dir} over the execution's in-memory files, and {@code compat.rb} CRuby's
 * answers where TruffleRuby's differ. Native extensions ({@code date}, {@code zlib}, {@code psych},
 * …) cannot load. See {@code docs/languages/ruby.md}.
 */
public final class RubyLanguage extends GuestLanguage {

    // positions in the array prelude.rb evaluates to
    private static final int RUN_SCRIPT = 0;
    private static final int DEFINE_FUNCTION = 1;
    private static final int INVOKE_FUNCTION = 2;
    private static final int CURRENT_HOST = 11;
    private static final int FIX_AFTER_LOAD = 12;
    private static final int REBIND_FUNCTION = 13;

    private final Source prelude = resourceSource("ruby", "prelude.rb", "<corral-prelude>");
    private final Source lockdown = resourceSource("ruby", "lockdown.rb", "<corral-lockdown>");
    private final Source compat = resourceSource("ruby", "compat.rb", "<corral-compat>");
    private final Source files = resourceSource("ruby", "files.rb", "<corral-files>");

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
                // TruffleRuby runs each fiber (external enumerators need them) on a thread of its own;
                // its single-threaded mode below refuses Thread.new and keeps finalizers on the guest's
                // thread, and the lockdown bounds the fibers alive at once
                .allowCreateThread(true)
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(className -> false)
                .allowHostClassLoading(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowExperimentalOptions(true)
                .option("ruby.platform-native", "false")
                .option("ruby.single-threaded", "true") // explicit: not left to the 'embedded' default
                .option("ruby.polyglot-stdio", "true")
                // TruffleRuby's own logger is reachable by guests (Truffle::Debug.log_*, the warnings a
                // trap writes): off at the language level, so nothing a guest does reaches the host log
                .option("log.ruby.level", "OFF")
                // these two print straight to the JVM's System.err, around every stream Corral captures
                .option("ruby.exceptions-warn-stackoverflow", "false")
                .option("ruby.exceptions-warn-out-of-memory", "false");
    }

    @Override
    protected boolean usesGuestFileSystem() {
        // File needs native access in TruffleRuby; the prelude gives scripts the input files instead
        return false;
    }

    @Override
    protected Source prelude() {
        return prelude;
    }

    @Override
    protected Source lockdown() {
        return lockdown;
    }

    /** After the prelude: CRuby's answers where TruffleRuby's differ, then File, IO and Dir over the execution's files. */
    @Override
    protected Value initialize(Context context, Value preludeResult) {
        context.eval(compat).execute(preludeResult.getArrayElement(FIX_AFTER_LOAD));
        context.eval(files).execute(preludeResult.getArrayElement(CURRENT_HOST));
        return preludeResult;
    }

    @Override
    protected GuestStatus runScript(GuestContext context, ExecutionBinding binding, String code) {
        Value status = context.entry().getArrayElement(RUN_SCRIPT).execute(context.bridge(), RubyStdlib.INSTANCE,
                binding.scriptPath(),
                strings(binding.args()), strings(binding.env().keySet()), strings(binding.env().values()),
                binding.stdin(), code);
        return ended(status);
    }

    @Override
    public boolean supportsWarmInstances() {
        return true;
    }

    @Override
    protected FunctionOutcome loadFunction(GuestContext context, ExecutionBinding binding, String code) {
        Value defined = context.entry().getArrayElement(DEFINE_FUNCTION).execute(context.bridge(), RubyStdlib.INSTANCE,
                binding.scriptPath(), strings(binding.env().keySet()), strings(binding.env().values()), code);
        return defined.isNull() ? null : FunctionOutcome.error(ended(defined));
    }

    /**
     * In-process Ruby converts input and result on the host through interop (see
     * {@link RubyValues}): Ruby's {@code json} loads here, but costs a third of a second per context in
     * the interpreter, and the host conversion keeps big Integers exact both ways.
     */
    @Override
    protected FunctionOutcome invokeFunction(GuestContext context, ExecutionBinding binding, String inputJson,
                                             boolean again) {
        Value entry = context.entry();
        if (again) {
            entry.getArrayElement(REBIND_FUNCTION).execute(context.bridge(), RubyStdlib.INSTANCE, binding.scriptPath(),
                    strings(binding.env().keySet()), strings(binding.env().values()));
        }
        Value input = RubyValues.toRuby(inputJson == null ? RubyValues.parse("null") : RubyValues.parse(inputJson), entry);
        Value returned = entry.getArrayElement(INVOKE_FUNCTION).execute(binding.scriptPath(), input);
        if (!returned.getArrayElement(0).asBoolean()) {
            return FunctionOutcome.error(GuestStatus.of(returned.getArrayElement(2).asString(),
                    returned.getArrayElement(1).asInt()));
        }
        String json = RubyValues.toJson(returned.getArrayElement(1), entry);
        return json == null ? FunctionOutcome.notSerializable() : FunctionOutcome.valid(json);
    }

    /** Ruby runs no threads of its own here (single-threaded); a finished call leaves nothing running. */
    @Override
    protected boolean readyForAnotherCall(GuestContext context) {
        return true;
    }

    /** The prelude's [status, kind] pair. */
    private static GuestStatus ended(Value pair) {
        return GuestStatus.of(pair.getArrayElement(1).asString(), pair.getArrayElement(0).asInt() & 0xFF);
    }

    private static ProxyArray strings(java.util.Collection<String> values) {
        return ProxyArray.fromList(new ArrayList<>(values));
    }

    @Override
    public String versionLine() {
        // TruffleRuby reports the Ruby version it implements as its language version
        return "Ruby " + engine().getLanguages().get("ruby").getVersion()
                + " (TruffleRuby " + io.corral.engine.BuildInfo.graalVersion() + ")";
    }
}
