package io.corral.engine.lang;

import io.corral.engine.egress.GuestHttp;
import io.corral.engine.files.GuestFileSystem;
import io.corral.engine.sandbox.GuestLogHandler;
import io.corral.engine.sandbox.SwitchableInput;
import io.corral.engine.sandbox.SwitchableOutput;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One guest context and the streams it was built with. Created (and its prelude loaded) before
 * the execution is known; {@link #bind} then attaches the execution's stdin, stdout, stderr, args
 * and environment; {@link #run} runs the code once; {@link #close} ends it. A context serves one
 * execution, except as a <b>warm instance</b> of a function: {@link #load} evaluates the code
 * once, {@link #invoke} calls {@code execute(input)}, and after {@link #unbind} the next call of
 * the same function binds its own execution and invokes again (the engine's {@code WarmInstances}
 * decides when; see {@code docs/tools-secrets-history.md}).
 */
public final class GuestContext implements AutoCloseable {

    private final GuestLanguage language;
    private final Context context;
    private final Value entry;
    private final Value raiser;
    private final GuestLogHandler log;
    private final SwitchableInput stdin;
    private final SwitchableOutput stdout;
    private final SwitchableOutput stderr;
    private final GuestFileSystem files;
    /** For measuring the heap the context retains ({@code ContextHeap}); null when it cannot be measured. */
    private final Object heapHandle;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean contextClosed = new AtomicBoolean();
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private HostBridge bridge;
    private ExecutionBinding binding;
    /** What the language keeps of a loaded function (its own type), for the calls that follow. */
    private Object function;
    private int invocations;

    GuestContext(GuestLanguage language, Context context, Value entry, Value raiser, SwitchableInput stdin,
                 SwitchableOutput stdout, SwitchableOutput stderr, GuestFileSystem files, GuestLogHandler log,
                 Object heapHandle) {
        this.log = log;
        this.heapHandle = heapHandle;
        this.raiser = raiser;
        this.files = files;
        this.language = language;
        this.context = context;
        this.entry = entry;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public Context polyglotContext() {
        return context;
    }

    /**
     * The heap this context holds beyond a fresh context of its language, counting no further than
     * {@code limitBytes} past it; -1 when it cannot be measured (see {@link GuestLanguage#heldBeyondFresh}).
     */
    public long heldBeyondFresh(long limitBytes) {
        return language.heldBeyondFresh(heapHandle, limitBytes);
    }

    /** Whether {@link #heldBeyondFresh} may tell (this JVM can measure contexts). */
    public boolean measurable() {
        return heapHandle != null;
    }

    Object heapHandle() {
        return heapHandle;
    }

    /** What the prelude evaluated to: the guest function that binds and runs an execution. */
    public Value entry() {
        return entry;
    }

    /**
     * Attaches one execution to this context. {@code onExit} is called (on the guest thread) when
     * the guest asks to exit through the host bridge.
     */
    public void bind(ExecutionBinding binding, OutputStream out, OutputStream err, Runnable onExit) {
        bind(binding, out, err, onExit, null);
    }

    /**
     * Attaches one execution, with the egress gateway its guest HTTP calls go through (null: every
     * call is refused).
     */
    public void bind(ExecutionBinding binding, OutputStream out, OutputStream err, Runnable onExit,
                     GuestHttp egress) {
        if (this.binding != null) {
            throw new IllegalStateException("a guest context serves exactly one execution");
        }
        this.binding = binding;
        log.guestStarted();
        if (invocations > 0) {
            // a warm instance's next call: the earlier call's files are gone, as in a fresh context
            files.clear();
        }
        stdin.bind(new ByteArrayInputStream(binding.stdin().getBytes(StandardCharsets.UTF_8)));
        files.bind(binding.files());
        stdout.bind(out);
        stderr.bind(err);
        bridge = new HostBridge(out, err, status -> onExit.run(), files, egress, raiser);
    }

    /** The execution's in-memory file system ({@code /mnt/req} read-only, {@code /tmp} scratch). */
    public GuestFileSystem files() {
        return files;
    }

    /** The bridge of the bound execution (records a guest-requested exit status). */
    public HostBridge bridge() {
        return bridge;
    }

    /**
     * Runs the bound execution's code and returns its exit status; failures the guest did not
     * handle surface as {@code PolyglotException}.
     */
    public GuestStatus run(String code) {
        if (binding == null) {
            throw new IllegalStateException("bind an execution before running code");
        }
        return language.runScript(this, binding, code);
    }

    /**
     * Runs the bound execution's code as a function: calls its {@code execute(input)} once.
     * Failures the guest did not handle surface as {@code PolyglotException}.
     */
    public FunctionOutcome call(String code, String inputJson) {
        if (binding == null) {
            throw new IllegalStateException("bind an execution before running code");
        }
        return language.runFunction(this, binding, code, inputJson);
    }

    /**
     * Evaluates a function's code in the bound execution without calling it (the first call of a
     * warm instance). Returns null when the code defines a callable {@code execute}, else how
     * loading ended (the message already on the guest's stderr); failures the guest did not handle
     * surface as {@code PolyglotException}.
     */
    public FunctionOutcome load(String code) {
        if (binding == null) {
            throw new IllegalStateException("bind an execution before running code");
        }
        return language.loadFunction(this, binding, code);
    }

    /**
     * Calls the loaded function's {@code execute(input)} for the bound execution: the first call
     * right after {@link #load}, later ones after {@link #unbind} and a new {@link #bind}.
     */
    public FunctionOutcome invoke(String inputJson) {
        if (binding == null) {
            throw new IllegalStateException("bind an execution before running code");
        }
        return language.invokeFunction(this, binding, inputJson, invocations++ > 0);
    }

    /**
     * Whether this context can serve another call of its function: the language supports warm
     * instances, the context is open, and nothing of the last call still runs in it (a Python
     * thread). Ask right after {@link #invoke}, on the same thread.
     */
    public boolean readyForAnotherCall() {
        return !contextClosed.get() && !cancelled.get() && language.readyForAnotherCall(this);
    }

    /**
     * Detaches the execution that has ended, so the next call of a warm instance can {@link #bind}
     * its own: the streams point nowhere, and the per-execution actions of the last one are
     * dropped (they belong to its gateway and compiler work, which ended with it).
     */
    public void unbind() {
        if (contextClosed.get() || cancelled.get()) {
            throw new IllegalStateException("a cancelled or closed context cannot serve another call");
        }
        stdout.bind(java.io.OutputStream.nullOutputStream());
        stderr.bind(java.io.OutputStream.nullOutputStream());
        stdin.bind(java.io.InputStream.nullInputStream());
        cancelActions.clear();
        binding = null;
        bridge = null;
    }

    /** What the language kept of the function it loaded (null until then); for the language only. */
    public Object loadedFunction() {
        return function;
    }

    /** Keeps what the language needs to call the loaded function again; for the language only. */
    public void loadedFunction(Object state) {
        this.function = state;
    }

    /** Whether this context was closed (its execution cancelled, timed out, or ended). */
    public boolean isClosed() {
        return contextClosed.get();
    }

    /**
     * Runs {@code action} when this context is cancelled or closed (at once if it already was), so
     * work done for this execution outside the context (TypeScript's compiler) stops with it.
     */
    public void whenCancelled(Runnable action) {
        cancelActions.add(action);
        if (cancelled.get() && cancelActions.remove(action)) {
            action.run();
        }
    }

    /**
     * Runs the cancel actions now (work done for this execution outside the context stops with
     * it), without closing the context yet.
     */
    void stopCancelActions() {
        if (cancelled.compareAndSet(false, true)) {
            for (Runnable action : cancelActions) {
                if (cancelActions.remove(action)) {
                    action.run();
                }
            }
        }
    }

    /** Stops whatever runs in this context (from any thread). Idempotent. */
    public void cancel() {
        stopCancelActions();
        if (contextClosed.compareAndSet(false, true)) {
            try {
                context.close(true);
            } catch (RuntimeException e) {
                // already closed or closing: the execution is stopped either way
            }
        }
    }

    @Override
    public void close() {
        cancel();
        files.close();
    }
}
