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
 * One single-use guest context and the streams it was built with. Created (and its prelude
 * loaded) before the execution is known; {@link #bind} then attaches the execution's stdin,
 * stdout, stderr, args and environment; {@link #run} runs the code once; {@link #close} ends it.
 * A context is never reused for a second execution.
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
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean contextClosed = new AtomicBoolean();
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private HostBridge bridge;
    private ExecutionBinding binding;

    GuestContext(GuestLanguage language, Context context, Value entry, Value raiser, SwitchableInput stdin,
                 SwitchableOutput stdout, SwitchableOutput stderr, GuestFileSystem files, GuestLogHandler log) {
        this.log = log;
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
