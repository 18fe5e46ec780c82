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
 * TruffleRuby, in a worker process (PROCESS isolation, Ruby's default) or in-process. TruffleRuby
 * accepts only the TRUSTED sandbox policy, so every access is switched off by hand: no IO, no
 * processes, no guest threads (fibers, which TruffleRuby runs on threads of their own, are allowed),
 * no host classes, no polyglot, no host environment, and in-process no native access (with it,
 * TruffleRuby reads host files, spawns processes and sees the host environment). In a worker
 * ({@link io.corral.engine.lang.LanguageOptions#inWorker()}) native access and IO are on: they reach
 * only the worker's OS sandbox, and the standard library's C extensions load.
 *
 * <p>The same guest-side files run in both modes, so a script sees the same world: the prelude
 * ({@code prelude.rb}) gives {@code ENV} and {@code STDIN} from the request, a {@code require} that
 * loads the standard library from TruffleRuby's home (located through {@link RubyStdlib}; C
 * extensions only in a worker), exits, error reports and the function contract; {@code files.rb}
 * gives {@code File}, {@code IO} and {@code Dir} over the execution's in-memory files,
 * {@code compat.rb} CRuby's answers where TruffleRuby's differ, and {@code http.rb} {@code Net::HTTP}
 * and {@code open-uri} over the host bridge's {@code http}. See {@code docs/languages/ruby.md} and
 * {@code docs/isolation.md}.
 */
public final class RubyLanguage extends GuestLanguage {

    // positions in the array prelude.rb evaluates to
    private static final int RUN_SCRIPT = 0;
    private static final int DEFINE_FUNCTION = 1;
    private static final int INVOKE_FUNCTION = 2;
    private static final int CURRENT_HOST = 11;
    private static final int FIX_AFTER_LOAD = 12;
    private static final int SET_IN_WORKER = 13;
    private static final int STAND_IN = 14;
    private static final int INVOKE_FUNCTION_JSON = 15;
    private static final int REBIND_FUNCTION = 16;

    private final Source prelude = resourceSource("ruby", "prelude.rb", "<corral-prelude>");
    private final Source lockdown = resourceSource("ruby", "lockdown.rb", "<corral-lockdown>");
    private final Source compat = resourceSource("ruby", "compat.rb", "<corral-compat>");
    private final Source files = resourceSource("ruby", "files.rb", "<corral-files>");
    private final Source http = resourceSource("ruby", "http.rb", "<corral-http>");

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
        boolean worker = options().inWorker();
        return builder
                // in a worker the OS sandbox contains what native access and IO reach (its own files,
                // no network); in-process they would reach the host, so they stay off
                .allowNativeAccess(worker)
                .allowIO(worker ? IOAccess.ALL : IOAccess.NONE)
                // TruffleRuby ignores this once native access is on (it spawns through posix_spawn):
                // lockdown.rb refuses processes in both modes
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
                // native internals (and C extensions) only where native access is allowed
                .option("ruby.platform-native", Boolean.toString(worker))
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

    /**
     * After the prelude: the mode (before anything else can run), CRuby's answers where TruffleRuby's
     * differ, File, IO and Dir over the execution's files, then HTTP over the host bridge.
     */
    @Override
    protected Value initialize(Context context, Value preludeResult) {
        preludeResult.getArrayElement(SET_IN_WORKER).execute(options().inWorker());
        context.eval(compat).execute(preludeResult.getArrayElement(FIX_AFTER_LOAD));
        context.eval(files).execute(preludeResult.getArrayElement(CURRENT_HOST), options().inWorker());
        context.eval(http).execute(preludeResult.getArrayElement(CURRENT_HOST),
                preludeResult.getArrayElement(FIX_AFTER_LOAD), preludeResult.getArrayElement(STAND_IN));
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
     * In a worker, input and result go through the guest's own {@code json} ({@code JSON.parse},
     * {@code JSON.generate}), as under CRuby: any object serializes by its {@code to_json}/{@code to_s}.
     * In-process Ruby converts them on the host through interop (see {@link RubyValues}): Ruby's
     * {@code json} loads there too, but costs a third of a second per context in the interpreter,
     * and the host conversion keeps big Integers exact both ways.
     */
    @Override
    protected FunctionOutcome invokeFunction(GuestContext context, ExecutionBinding binding, String inputJson,
                                             boolean again) {
        Value entry = context.entry();
        if (again) {
            entry.getArrayElement(REBIND_FUNCTION).execute(context.bridge(), RubyStdlib.INSTANCE, binding.scriptPath(),
                    strings(binding.env().keySet()), strings(binding.env().values()));
        }
        if (options().inWorker()) {
            Value returned = entry.getArrayElement(INVOKE_FUNCTION_JSON).execute(binding.scriptPath(), inputJson);
            if (!returned.getArrayElement(0).asBoolean()) {
                return FunctionOutcome.error(GuestStatus.of(returned.getArrayElement(2).asString(),
                        returned.getArrayElement(1).asInt()));
            }
            Value json = returned.getArrayElement(1);
            // the guest's JSON can be redefined by its code: only JSON text is a value
            return json.isString() && RubyValues.isJson(json.asString()) ? FunctionOutcome.valid(json.asString())
                    : FunctionOutcome.notSerializable();
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
