package io.corral.engine.lang.python;

import io.corral.api.Language;
import io.corral.engine.lang.ExecutionBinding;
import io.corral.engine.lang.FunctionOutcome;
import io.corral.engine.lang.GuestContext;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.lang.GuestStatus;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * GraalPy under {@link SandboxPolicy#CONSTRAINED}: no host IO, sockets, native code, processes,
 * host classes or host environment. The POSIX module runs on the Java backend (the native backend
 * is not sandboxed). The prelude ({@code prelude.py}) sets {@code sys.argv}, {@code os.environ}
 * and runs the script as {@code __main__} with CPython-style tracebacks; for a function it also
 * calls {@code execute(input)} and serializes its result in the guest. Guest threads are allowed,
 * each started through {@link GuestThreads}, which bounds how many run at once. What GraalPy takes
 * from C extensions that cannot load without native access comes from the host instead:
 * {@link UnicodeDatabase} ({@code unicodedata}), {@link TimeZoneDatabase} ({@code zoneinfo}'s
 * {@code tzdata}), {@link XmlParsers} ({@code pyexpat}), {@link Digests} ({@code hashlib}). See
 * {@code docs/languages/python.md}.
 */
public final class PythonLanguage extends GuestLanguage {

    private final Source prelude = resourceSource("python", "prelude.py", "<corral-prelude>");
    private final Source lockdown = resourceSource("python", "lockdown.py", "<corral-lockdown>");
    /** Stand-ins for GraalPy's C extensions; internal sources, so their frames stay out of tracebacks. */
    private final Source unicodedataShim = resourceSource("python", "unicodedata_shim.py", "<corral-unicodedata>");
    private final Source tzdataShim = resourceSource("python", "tzdata_shim.py", "<corral-tzdata>");
    private final Source pyexpatShim = resourceSource("python", "pyexpat_shim.py", "<corral-pyexpat>");
    private final Source hashlibShim = resourceSource("python", "hashlib_shim.py", "<corral-hashlib>");
    private final Source exceptStar = resourceSource("python", "except_star.py", "<corral-except-star>");
    private final Source compat = resourceSource("python", "compat.py", "<corral-compat>");

    @Override
    public Language language() {
        return Language.PYTHON;
    }

    @Override
    protected String[] permittedLanguages() {
        return new String[] {"python"};
    }

    @Override
    protected SandboxPolicy sandboxPolicy() {
        return SandboxPolicy.CONSTRAINED;
    }

    @Override
    protected Context.Builder configure(Context.Builder builder) {
        // CONSTRAINED itself selects the Java POSIX backend (the option may not even be set under it).
        // Guest threads are polyglot threads of the context (stopped with it by close(true)); the
        // prelude starts every one through GuestThreads, which bounds how many run at once.
        return builder.allowCreateThread(true);
    }

    @Override
    protected Source prelude() {
        return prelude;
    }

    @Override
    protected Source lockdown() {
        return lockdown;
    }

    /** Guest-side modules the prelude imports on demand: requests and the http.client patch. */
    private final String requestsSource = resourceText("requests_shim.py");
    private final String httpClientSource = resourceText("http_client_shim.py");

    @Override
    protected Value initialize(Context context, Value entry) {
        entry.getMember("source").execute("requests", requestsSource);
        entry.getMember("source").execute("http_client", httpClientSource);
        entry.getMember("threads").execute(new GuestThreads());
        entry.getMember("native").execute("unicodedata", context.eval(unicodedataShim), UnicodeDatabase.INSTANCE);
        entry.getMember("native").execute("hashlib", context.eval(hashlibShim), Digests.INSTANCE);
        entry.getMember("finder").execute(context.eval(tzdataShim), TimeZoneDatabase.INSTANCE, false);
        entry.getMember("finder").execute(context.eval(pyexpatShim), XmlParsers.INSTANCE, true);
        entry.getMember("except_star").execute(context.eval(exceptStar));
        entry.getMember("compat").execute(context.eval(compat));
        // last: what every execution runs, once, so the first (and only) execution does not set it up
        entry.getMember("rehearse").execute();
        return entry;
    }

    private String resourceText(String name) {
        return resourceSource("python", name, name).getCharacters().toString();
    }

    @Override
    protected GuestStatus runScript(GuestContext context, ExecutionBinding binding, String code) {
        Value ended = context.entry().getMember("run").execute(context.bridge(), code, binding.scriptPath(),
                strings(binding.args()), strings(binding.env().keySet()), strings(binding.env().values()));
        return GuestStatus.of(ended.getArrayElement(1).asString(), ended.getArrayElement(0).asInt());
    }

    @Override
    public boolean supportsWarmInstances() {
        return true;
    }

    @Override
    protected FunctionOutcome loadFunction(GuestContext context, ExecutionBinding binding, String code) {
        Value failed = context.entry().getMember("load").execute(context.bridge(), code, binding.scriptPath(),
                strings(binding.env().keySet()), strings(binding.env().values()));
        return failed.isNull() ? null : outcome(failed);
    }

    /**
     * The guest parses the input and serializes the result itself ({@code json.loads}/{@code json.dumps}
     * with {@code allow_nan=False}), so Python's own JSON rules apply, big integers included.
     */
    @Override
    protected FunctionOutcome invokeFunction(GuestContext context, ExecutionBinding binding, String inputJson,
                                             boolean again) {
        return outcome(context.entry().getMember("invoke").execute(context.bridge(),
                strings(binding.env().keySet()), strings(binding.env().values()), inputJson, again));
    }

    @Override
    protected boolean readyForAnotherCall(GuestContext context) {
        return context.entry().getMember("quiescent").execute().asBoolean();
    }

    /** The prelude's (status, output_json, exit_code, ended). */
    private static FunctionOutcome outcome(Value r) {
        String status = r.getArrayElement(0).asString();
        return switch (status) {
            case "valid" -> FunctionOutcome.valid(r.getArrayElement(1).asString());
            case "json_serialization_error" -> FunctionOutcome.notSerializable();
            default -> FunctionOutcome.error(GuestStatus.of(r.getArrayElement(3).asString(),
                    r.getArrayElement(2).asInt()));
        };
    }

    /** Passed as a proxy: parsing JSON in the guest would cost every context an import of json. */
    private static ProxyArray strings(java.util.Collection<String> values) {
        return ProxyArray.fromList(new java.util.ArrayList<>(values));
    }

    @Override
    public String versionLine() {
        // GraalPy reports the Python version it implements as its language version
        return "Python " + engine().getLanguages().get("python").getVersion()
                + " (GraalPy " + io.corral.engine.BuildInfo.graalVersion() + ")";
    }
}
