package io.corral.engine.lang;

import io.corral.api.Language;
import io.corral.engine.files.GuestFileSystem;
import io.corral.engine.sandbox.ContextHeap;
import io.corral.engine.sandbox.GuestLogHandler;
import io.corral.engine.sandbox.SwitchableInput;
import io.corral.engine.sandbox.SwitchableOutput;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One guest language: its shared GraalVM {@link Engine} (created on first use, closed with the
 * execution engine), how its contexts are configured, and how a script runs in one.
 *
 * <p>Subclasses live in one package per language ({@code lang.python}, …) beside the guest-side
 * prelude they load from a resource file.
 */
public abstract class GuestLanguage implements AutoCloseable {

    private final Object engineLock = new Object();
    private volatile LanguageOptions options = LanguageOptions.DEFAULTS;
    private volatile Engine engine;
    private volatile boolean closed;

    public abstract Language language();

    /** Truffle language ids this language's contexts permit. */
    protected abstract String[] permittedLanguages();

    /** The sandbox policy of this language's engine and every context on it. */
    protected abstract SandboxPolicy sandboxPolicy();

    /** Configures a context builder: sandbox policy, options, stdio (already set). */
    protected abstract Context.Builder configure(Context.Builder builder);

    /**
     * Whether this language's contexts see the {@link GuestFileSystem} (input files under
     * {@code /mnt/req}, a scratch {@code /tmp}) through Truffle's file system; languages that
     * cannot use it reach the files through their prelude instead.
     */
    protected boolean usesGuestFileSystem() {
        return true;
    }

    /** Evaluated once in every new context, before the execution is bound. */
    protected abstract Source prelude();

    /**
     * Evaluated first in every new context, before the prelude and any guest code: closes what the
     * language implementation itself lets guest code do to the host process (see
     * {@code docs/security.md}, "What the language implementations expose"). Null when the
     * language needs none.
     */
    protected Source lockdown() {
        return null;
    }

    /**
     * Further set-up of a new context after its prelude, still before any execution is known
     * (PHP instantiates its WebAssembly runtime here). Returns the context's entry value.
     */
    protected Value initialize(Context context, Value preludeResult) {
        return preludeResult;
    }

    /**
     * Binds the execution into the context and runs the code to its end. Returns how the guest's
     * code ended when the language saw it end (its prelude reports completion, an exit, or an error
     * it printed itself); errors the language did not catch are thrown as {@code PolyglotException}.
     */
    protected abstract GuestStatus runScript(GuestContext context, ExecutionBinding binding, String code);

    /**
     * Binds the execution, evaluates {@code code} (which defines a top-level {@code execute}), calls
     * {@code execute} once with {@code inputJson} (JSON text, or null for no input) converted to
     * the language's native data, and serializes the result by the language's own JSON rules.
     * Print statements stay on stdout; the value travels only in the returned outcome. A missing
     * {@code execute} or an exception it raises is {@link FunctionOutcome#error} with the message
     * or traceback written to the guest's stderr.
     */
    protected FunctionOutcome runFunction(GuestContext context, ExecutionBinding binding, String code,
                                          String inputJson) {
        if (!supportsWarmInstances()) {
            throw new UnsupportedOperationException("functions are not available for " + language().wireName()
                    + " yet");
        }
        FunctionOutcome failed = loadFunction(context, binding, code);
        return failed != null ? failed : invokeFunction(context, binding, inputJson, false);
    }

    /**
     * Whether a context of this language can keep a function's code loaded and call it again for
     * the next call of the same function (a warm instance): the language implements
     * {@link #loadFunction}, {@link #invokeFunction} and {@link #readyForAnotherCall}, and
     * {@link #runFunction} is one load and one invocation. False by default: every call then runs
     * in a fresh context.
     */
    public boolean supportsWarmInstances() {
        return false;
    }

    /**
     * The first half of {@link #runFunction}: binds the execution, evaluates {@code code} and finds
     * its {@code execute} (kept with {@link GuestContext#loadedFunction(Object)} or in the guest). Returns
     * null when there is a callable {@code execute}, else the error outcome (message on stderr).
     */
    protected FunctionOutcome loadFunction(GuestContext context, ExecutionBinding binding, String code) {
        throw new UnsupportedOperationException("warm instances are not available for " + language().wireName());
    }

    /**
     * The second half of {@link #runFunction}: calls the loaded {@code execute} once with
     * {@code inputJson} and serializes the result. {@code again} is true from a warm instance's
     * second call on: the context was rebound to a new execution, so the guest's own view of it
     * (the host bridge, its environment, and in JavaScript the event loop's leftover timers, which
     * a fresh context would never have run either) is set anew first.
     */
    protected FunctionOutcome invokeFunction(GuestContext context, ExecutionBinding binding, String inputJson,
                                             boolean again) {
        throw new UnsupportedOperationException("warm instances are not available for " + language().wireName());
    }

    /**
     * Whether nothing of the call that just ended still runs in the context (a thread it started),
     * so the context may serve another call. Called right after {@link #invokeFunction}.
     */
    protected boolean readyForAnotherCall(GuestContext context) {
        return false;
    }

    /**
     * Starts slow one-time work (a compiler's first load) in the background so the first request
     * does not pay it; never blocks. Called once when an engine that runs this language starts.
     */
    public void prepare() {
    }

    // A language that runs on another one's runtime (TypeScript on JavaScript) reuses that
    // language's configuration, prelude and run methods through these, by composition.

    /** {@code runtime}'s permitted languages, for a language built on it. */
    protected static String[] permittedLanguagesOf(GuestLanguage runtime) {
        return runtime.permittedLanguages();
    }

    /** {@code runtime}'s sandbox policy, for a language built on it. */
    protected static SandboxPolicy sandboxPolicyOf(GuestLanguage runtime) {
        return runtime.sandboxPolicy();
    }

    /** Configures {@code builder} as {@code runtime} would, for a language built on it. */
    protected static Context.Builder configureAs(GuestLanguage runtime, Context.Builder builder) {
        return runtime.configure(builder);
    }

    /** {@code runtime}'s prelude, for a language built on it. */
    protected static Source preludeOf(GuestLanguage runtime) {
        return runtime.prelude();
    }

    /** Runs already-translated code as {@code runtime} runs a script, in a context of a language built on it. */
    protected static GuestStatus runScriptAs(GuestLanguage runtime, GuestContext context, ExecutionBinding binding,
                                             String code) {
        return runtime.runScript(context, binding, code);
    }

    /** Loads already-translated code's {@code execute} as {@code runtime} does. */
    protected static FunctionOutcome loadFunctionAs(GuestLanguage runtime, GuestContext context,
                                                    ExecutionBinding binding, String code) {
        return runtime.loadFunction(context, binding, code);
    }

    /** Calls the loaded {@code execute} as {@code runtime} does. */
    protected static FunctionOutcome invokeFunctionAs(GuestLanguage runtime, GuestContext context,
                                                      ExecutionBinding binding, String inputJson, boolean again) {
        return runtime.invokeFunction(context, binding, inputJson, again);
    }

    /** {@code runtime}'s answer to {@link #readyForAnotherCall}, for a language built on it. */
    protected static boolean readyForAnotherCallAs(GuestLanguage runtime, GuestContext context) {
        return runtime.readyForAnotherCall(context);
    }

    /** The language's version as its users know it (e.g. {@code Python 3.12.8}) for {@code --version}. */
    public abstract String versionLine();

    /**
     * Text for stderr describing an error the guest did not handle itself: the guest's message
     * and guest frames only (never host frames, host paths or the prelude). The text is bounded
     * by {@code maxChars} (the message is cut first), since a guest controls its message's size and
     * every byte of the report still passes through the execution's stderr cap.
     */
    public String describeUncaught(PolyglotException e, int maxChars) {
        StringBuilder sb = new StringBuilder();
        sb.append(messageOf(e, maxChars)).append('\n');
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (sb.length() > maxChars) {
                break;
            }
            if (!f.isGuestFrame() || f.getSourceLocation() == null
                    || f.getSourceLocation().getSource().isInternal()) {
                continue;
            }
            var loc = f.getSourceLocation();
            String root = f.getRootName() == null || f.getRootName().isEmpty() ? "<anonymous>" : f.getRootName();
            sb.append("    at ").append(root).append(" (").append(loc.getSource().getName()).append(':')
                    .append(loc.getStartLine()).append(':').append(loc.getStartColumn()).append(")\n");
        }
        return sb.toString();
    }

    /** The exception's message ({@code Error} when it has none), cut to at most {@code maxChars}. */
    protected static String messageOf(PolyglotException e, int maxChars) {
        String m = e.getMessage();
        if (m == null) {
            return "Error";
        }
        return m.length() <= maxChars ? m : m.substring(0, maxChars);
    }

    /** Settings from the engine that created this language (before its first context). */
    public final void useOptions(LanguageOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /** The settings the engine gave this language ({@link LanguageOptions#DEFAULTS} until it did). */
    protected final LanguageOptions options() {
        return options;
    }

    /** The shared engine, created on first use. */
    public final Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (engineLock) {
                if (closed) {
                    throw new IllegalStateException("the " + language().wireName() + " engine is closed");
                }
                e = engine;
                if (e == null) {
                    e = Engine.newBuilder(permittedLanguages())
                            .sandbox(sandboxPolicy())
                            .out(OutputStream.nullOutputStream())
                            .err(OutputStream.nullOutputStream())
                            .logHandler(new GuestLogHandler())
                            .option("engine.WarnInterpreterOnly", "false")
                            .build();
                    engine = e;
                }
            }
        }
        return e;
    }

    private final java.util.concurrent.BlockingQueue<GuestContext> warm = new java.util.concurrent.LinkedBlockingQueue<>();
    private volatile int warmTarget;
    private java.util.concurrent.ExecutorService warmer;

    /** Neither more nor fewer than {@code count} contexts kept ready: {@code keepWarm(count, count)}. */
    public final void keepWarm(int count) {
        keepWarm(count, count);
    }

    /**
     * Keeps contexts created ahead of time (prelude loaded, nothing bound), so an execution does not
     * wait for a context's start-up; each is still used for one execution only. The pool adapts to
     * demand between {@code min} and {@code max}: it starts at {@code min}, keeps one more ready each
     * time an execution finds none waiting (up to {@code max}), and one fewer for each
     * {@link #WARM_IDLE} in which no execution found it empty (down to {@code min}; see
     * {@link #trimIdle}). A background thread at the lowest priority makes the contexts, after the
     * executions they replace are over. 0 and 0 (the default) create contexts on demand.
     */
    public final synchronized void keepWarm(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("warm contexts need 0 <= min <= max, got " + min + ".." + max);
        }
        warmMin = min;
        warmMax = max;
        warmTarget = min;
        if (max > 0 && warmer == null) {
            warmer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "corral-warm-" + language().wireName());
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            });
        }
    }

    /** How long a pool above its minimum must go without a miss before it keeps one context fewer. */
    public static final java.time.Duration WARM_IDLE = java.time.Duration.ofSeconds(30);

    private volatile int warmMin;
    private volatile int warmMax;
    private long lastMissNanos = System.nanoTime(); // guarded by this

    /**
     * Shrinks a pool that grew past its minimum by one context when no execution found it empty for
     * {@link #WARM_IDLE}, closing a waiting context if one is then too many. The engine calls this
     * periodically; returns whether the pool shrank.
     */
    public final boolean trimIdle() {
        return trimIdle(WARM_IDLE);
    }

    /** As {@link #trimIdle()}, with another idle period (tests). */
    public final boolean trimIdle(java.time.Duration idle) {
        GuestContext extra = null;
        synchronized (this) {
            long now = System.nanoTime();
            if (closed || warmTarget <= warmMin || now - lastMissNanos < idle.toNanos()) {
                return false;
            }
            warmTarget--;
            if (budget != null) {
                budget.addAndGet(contextMib);
            }
            lastMissNanos = now; // the next step down waits another idle period
            if (warm.size() > warmTarget) {
                extra = warm.poll();
            }
        }
        if (extra != null) {
            extra.close(); // made ahead of time; nothing ran in it
        }
        return true;
    }

    private java.util.concurrent.atomic.AtomicInteger budget; // guarded by this
    private int contextMib;                                    // guarded by this

    /**
     * Holds this pool's growth past its minimum to a memory budget shared with other pools: each
     * context more takes {@code contextMib} from {@code budget} (MiB left), each one fewer gives it back.
     */
    public final synchronized void growWithin(java.util.concurrent.atomic.AtomicInteger budget, int contextMib) {
        this.budget = java.util.Objects.requireNonNull(budget, "budget");
        this.contextMib = contextMib;
    }

    /** An execution found no context waiting: the pool keeps one more, up to its maximum and the budget. */
    private synchronized void missed() {
        lastMissNanos = System.nanoTime();
        if (warmer == null || warmTarget >= warmMax) {
            return;
        }
        if (budget != null) {
            int left;
            do {
                left = budget.get();
                if (left < contextMib) {
                    return;
                }
            } while (!budget.compareAndSet(left, left - contextMib));
        }
        warmTarget++;
    }

    private final java.util.concurrent.atomic.AtomicLong takenWarm = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong createdCold = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong contextsCreated = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong creationNanos = new java.util.concurrent.atomic.AtomicLong();

    /** A context for one execution: one created ahead of time when there is one, else a new one. */
    public final GuestContext takeContext() {
        GuestContext c = warm.poll();
        if (c != null) {
            // its replacement is made once the execution is over (release): making it now would take
            // the CPU from the execution it is for, on a small machine
            takenWarm.incrementAndGet();
            return c;
        }
        missed();
        refill();
        createdCold.incrementAndGet();
        return newContext();
    }

    /** How many executions so far had to create their own context. */
    public final long contextsCreatedOnDemand() {
        return createdCold.get();
    }

    /** How many contexts this language created so far (ahead of time, on demand, for warm-up). */
    public final long contextsCreated() {
        return contextsCreated.get();
    }

    /** The total wall time spent creating contexts, in nanoseconds. */
    public final long contextCreationNanos() {
        return creationNanos.get();
    }

    /** How many contexts the pool keeps ready. */
    public final int warmTarget() {
        return warmTarget;
    }

    /** How many contexts created ahead of time are waiting for an execution. */
    public final int warmContextsReady() {
        return warm.size();
    }

    /** How many executions so far were given a context created ahead of time. */
    public final long contextsTakenWarm() {
        return takenWarm.get();
    }

    /**
     * Pays the first context's cost now (on a fresh GraalVM engine it loads and parses the
     * language's runtime and the prelude: seconds; later contexts reuse that work) and, when warm
     * contexts are kept, keeps that context as the first of them and starts filling the rest.
     */
    public final void warmUp() {
        GuestContext first = newContext();
        boolean kept = false;
        synchronized (this) {
            if (warmer != null && !closed && warm.size() < warmTarget) {
                // it waits for the first execution instead of being made again
                warm.add(first);
                kept = true;
            }
        }
        if (!kept) {
            first.close(); // created with its prelude; nothing ran in it
        } else if (closed && warm.remove(first)) {
            first.close();
        }
        refill();
    }

    private synchronized void refill() {
        if (warmer == null || closed) {
            return;
        }
        warmer.execute(() -> {
            while (!closed && warm.size() < warmTarget) {
                try {
                    GuestContext fresh = newContext();
                    warm.add(fresh);
                    if (closed && warm.remove(fresh)) {
                        fresh.close();
                    }
                } catch (RuntimeException e) {
                    if (closed) {
                        return;
                    }
                    java.util.logging.Logger.getLogger(GuestLanguage.class.getName()).log(java.util.logging.Level.WARNING,
                            "could not create a " + language().wireName() + " context ahead of time", e);
                    return;
                }
            }
        });
    }

    /** Closes used contexts; a full queue makes the caller close its context itself, so closes never pile up. */
    private final java.util.concurrent.ThreadPoolExecutor closer = new java.util.concurrent.ThreadPoolExecutor(1, 1,
            10, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(closeQueue()), r -> {
                Thread t = new Thread(r, "corral-close-" + language().wireName());
                t.setDaemon(true);
                return t;
            }, new java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy());

    {
        closer.allowCoreThreadTimeOut(true);
    }

    /**
     * How many used contexts may wait to be closed before an execution closes its own (default 8).
     * Each holds its memory until it is closed: a language whose contexts are large (PHP's
     * WebAssembly memory) keeps fewer waiting. Called while this object is constructed: return a
     * constant.
     */
    protected int closeQueue() {
        return 8;
    }

    /**
     * Ends a context whose execution is over: what it still runs is stopped at once in the sense
     * that its execution's output and outcome no longer change (the caller shut them), and the
     * context itself is closed on a background thread, so the execution's result does not wait for
     * it (closing a GraalPy context takes tens of milliseconds). After the language is closed, or
     * when many closes wait already, it is closed on the calling thread.
     */
    public final void release(GuestContext context) {
        context.stopCancelActions();
        if (closed) {
            context.close();
            return;
        }
        try {
            closer.execute(context::close);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            context.close();
        }
        refill();
    }

    /**
     * A context taken for an execution stays in use after it (a warm instance keeps it for further
     * calls): its replacement in the pool is made now, as {@link #release} would. The context is
     * released later, when it is done.
     */
    public final void retain(GuestContext context) {
        refill();
    }

    /** Creates a fresh context with the prelude loaded; no execution is bound yet. */
    public final GuestContext newContext() {
        long start = System.nanoTime();
        GuestContext c = createContext();
        creationNanos.addAndGet(System.nanoTime() - start);
        contextsCreated.incrementAndGet();
        return c;
    }

    private GuestContext createContext() {
        SwitchableInput in = new SwitchableInput();
        SwitchableOutput out = new SwitchableOutput();
        SwitchableOutput err = new SwitchableOutput();
        GuestLogHandler log = new GuestLogHandler();
        Context.Builder builder = Context.newBuilder(permittedLanguages())
                .engine(engine())
                .sandbox(sandboxPolicy())
                .in(in)
                .out(out)
                .err(err)
                // the host's zone is not the guest's business; Riza runs code in UTC
                .timeZone(java.time.ZoneId.of("UTC"))
                .logHandler(log);
        GuestFileSystem files = new GuestFileSystem(options.fileSystemBytes());
        configure(builder);
        if (usesGuestFileSystem()) {
            // the language's own home (GraalPy's standard library) stays readable; nothing else of the host
            builder.allowIO(IOAccess.newBuilder()
                    .fileSystem(files.withLanguageHomes()).build());
        }
        Context context = builder.build();
        Value entry;
        Value raiser;
        try {
            if (lockdown() != null) {
                context.eval(lockdown());
            }
            raiser = context.eval(errorRaiser());
            entry = initialize(context, context.eval(prelude()));
        } catch (RuntimeException e) {
            context.close(true);
            files.close();
            throw e;
        }
        return new GuestContext(this, context, entry, raiser, in, out, err, files, log, heap().handle(context));
    }

    private volatile ContextHeap heap;
    /** What a fresh context of this language retains, once measured (-1 before). */
    private volatile long heapAtRest = -1;

    private ContextHeap heap() {
        ContextHeap h = heap;
        if (h == null) {
            // measures are taken with an empty context of the same engine entered (ContextHeap.of)
            h = ContextHeap.of(engine(), () -> Context.newBuilder(permittedLanguages()).engine(engine())
                    .sandbox(sandboxPolicy()).in(InputStream.nullInputStream()).out(OutputStream.nullOutputStream())
                    .err(OutputStream.nullOutputStream()).build());
            heap = h;
        }
        return h;
    }

    /**
     * What the context behind {@code handle} retains beyond a fresh context of this language (its
     * prelude loaded, nothing run), counting no further than {@code limitBytes} past it; -1 when it
     * cannot be measured. The first time a context is found retaining more than {@code limitBytes}
     * in all, a fresh context is made and measured (once per engine), on the calling thread.
     */
    final long heldBeyondFresh(Object handle, long limitBytes) {
        ContextHeap h = heap();
        long atRest = heapAtRest;
        long whole = h.retainedBytes(handle, Math.max(0, atRest) + limitBytes + 1);
        if (whole < 0) {
            return -1;
        }
        if (atRest < 0) {
            if (whole <= limitBytes) {
                return whole; // no more than the limit, whatever a fresh context holds
            }
            atRest = measureAtRest(h);
            if (atRest < 0) {
                return -1;
            }
            whole = h.retainedBytes(handle, atRest + limitBytes + 1);
            if (whole < 0) {
                return -1;
            }
        }
        return Math.max(0, whole - atRest);
    }

    private final Object atRestLock = new Object();

    private long measureAtRest(ContextHeap h) {
        synchronized (atRestLock) {
            return heapAtRest >= 0 ? heapAtRest : measureFresh(h);
        }
    }

    private long measureFresh(ContextHeap h) {
        GuestContext fresh;
        try {
            fresh = createContext();
        } catch (RuntimeException e) {
            // closing, or the language cannot start: nothing to compare with
            java.util.logging.Logger.getLogger(GuestLanguage.class.getName()).log(java.util.logging.Level.FINE,
                    "no fresh " + language().wireName() + " context to measure", e);
            return -1;
        }
        try {
            long size = h.retainedBytes(fresh.heapHandle(), Long.MAX_VALUE);
            if (size >= 0) {
                heapAtRest = size;
                java.util.logging.Logger.getLogger(GuestLanguage.class.getName()).fine(
                        "a fresh " + language().wireName() + " context retains " + (size >> 20) + " MiB");
            }
            return size;
        } finally {
            fresh.close();
        }
    }

    /**
     * A guest function that throws its one argument (a message) as the guest language's own error:
     * how the host bridge reports a bad argument or a host failure without a Java exception ever
     * reaching guest code. Chosen by the context's first permitted language.
     */
    protected Source errorRaiser() {
        return RAISERS.get(permittedLanguages()[0]);
    }

    private static final java.util.Map<String, Source> RAISERS = java.util.Map.of(
            "js", internal("js", "(function (message) { throw new Error(message); })"),
            "python", internal("python", "def _corral_raise(message):\n    raise RuntimeError(message)\n_corral_raise"),
            "ruby", internal("ruby", "->(message) { raise RuntimeError, message }"));

    private static Source internal(String id, String text) {
        return Source.newBuilder(id, text, "<corral-raise>").internal(true).buildLiteral();
    }

    /** Loads a guest-side resource file that sits beside the subclass. */
    protected final Source resourceSource(String truffleId, String resourceName, String sourceName) {
        try (InputStream in = getClass().getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new IllegalStateException("missing guest resource " + resourceName + " beside "
                        + getClass().getName());
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Source.newBuilder(truffleId, text, sourceName).internal(true).buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How long closing waits for background work and for the GraalVM engine before giving up on it. */
    private static final java.time.Duration CLOSE_BOUND = java.time.Duration.ofSeconds(5);

    /**
     * Stops background work (context refill), closes waiting contexts and the shared engine,
     * cancelling whatever still runs in it. Finishes within a bound whatever state the language is
     * in: an engine that does not close in time (a context that will not stop, graal#3321) is left
     * to finish on a daemon thread and logged, never waited for without end.
     */
    @Override
    public void close() {
        closed = true;
        java.util.concurrent.ExecutorService refill;
        synchronized (this) {
            refill = warmer;
        }
        if (refill != null) {
            refill.shutdownNow();
            awaitQuietly(refill);
        }
        for (GuestContext c; (c = warm.poll()) != null; ) {
            c.close();
        }
        // contexts waiting to be closed are closed now (the engine's close below would cancel them anyway)
        closer.shutdown();
        awaitQuietly(closer);
        Engine toClose;
        synchronized (engineLock) {
            toClose = engine;
            engine = null;
        }
        if (toClose != null) {
            // never under engineLock: a thread still starting a context may need it to fail fast
            closeWithin(language().wireName() + " engine", () -> toClose.close(true));
        }
    }

    private static void awaitQuietly(java.util.concurrent.ExecutorService executor) {
        try {
            executor.awaitTermination(CLOSE_BOUND.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code closing} on a daemon thread and waits for it at most {@link #CLOSE_BOUND}. */
    protected static void closeWithin(String what, Runnable closing) {
        Thread t = new Thread(() -> {
            try {
                closing.run();
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(GuestLanguage.class.getName())
                        .log(java.util.logging.Level.FINE, "closing the " + what + " failed", e);
            }
        }, "corral-close");
        t.setDaemon(true);
        t.start();
        try {
            t.join(CLOSE_BOUND.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            java.util.logging.Logger.getLogger(GuestLanguage.class.getName()).warning("the " + what
                    + " did not close within " + CLOSE_BOUND.toSeconds() + " s; it is left to close in the background");
        }
    }
}
