package io.corral.engine;

import io.corral.api.HttpMetrics;
import io.corral.api.Limits;
import io.corral.api.Outcome;
import io.corral.engine.egress.EgressGateway;
import io.corral.engine.egress.EgressMetrics;
import io.corral.engine.egress.EgressSettings;
import io.corral.engine.egress.GuestHttp;
import io.corral.engine.egress.HostRules;
import io.corral.engine.spi.NameResolver;
import io.corral.engine.lang.ExecutionBinding;
import io.corral.engine.lang.FunctionOutcome;
import io.corral.engine.lang.GuestContext;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.lang.GuestStatus;
import io.corral.engine.sandbox.HeapGuard;
import io.corral.engine.sandbox.LogText;
import io.corral.engine.sandbox.OutputCap;
import io.corral.engine.sandbox.OutputGate;
import io.corral.engine.sandbox.RequestValidator;
import io.corral.engine.sandbox.Watchdog;
import org.graalvm.polyglot.PolyglotException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one execution (a script or a function call) in one context (fresh, or a warm instance's)
 * under a wall-clock deadline and turns whatever happened into one {@link Outcome} — decided here,
 * in {@link #decide}, and nowhere else — and two capped output texts. Guest failures never escape
 * as exceptions.
 */
final class GuestRunner {

    private static final Logger LOG = Logger.getLogger(GuestRunner.class.getName());

    /** What to do in the bound context; returns how the guest's code ended when it ended by itself. */
    @FunctionalInterface
    interface GuestAction {
        Ending run(GuestContext context);
    }

    /**
     * How the guest's own code ended, as its language saw it, and — for a function call — what
     * {@code execute} produced.
     */
    record Ending(GuestStatus status, FunctionOutcome function) {
        static Ending of(GuestStatus status) {
            return new Ending(status, null);
        }

        static Ending of(FunctionOutcome function) {
            return new Ending(function.ended(), function);
        }
    }

    /**
     * One run: its outcome, the guest's own stdout and stderr, and — when the guest's code ended by
     * itself — what its language reported ({@code function} only for a call that got that far).
     */
    record RunResult(Outcome outcome, String stdout, String stderr, long durationMillis, Instant startedAt,
                     HttpMetrics http, FunctionOutcome function) {
    }

    /** What one execution runs: a script, or a function's {@code execute(input)} once. */
    record Work(String code, String inputJson, boolean function) {
        static Work script(String code) {
            return new Work(code, null, false);
        }

        static Work function(String code, String inputJson) {
            return new Work(code, inputJson, true);
        }

        GuestAction action() {
            return function ? c -> Ending.of(c.call(code, inputJson)) : c -> Ending.of(c.run(code));
        }
    }

    /** Opens the place one execution's guest HTTP calls go. */
    @FunctionalInterface
    interface EgressFactory {
        /**
         * @param remainingNanos what is left of the execution's time limit
         */
        GuestHttp open(ExecutionBinding binding, java.util.function.LongSupplier remainingNanos);
    }

    /** Where a script believes it lives, per language: {@code /code/main.py}. */
    static String scriptPath(io.corral.api.Language language) {
        return "/code/main" + language.fileExtension();
    }

    private final Watchdog watchdog;
    private final HeapGuard heapGuard;
    /** Runs under way, so closing the engine can stop them. */
    private final Set<RunControl> running = ConcurrentHashMap.newKeySet();
    private final EgressFactory egressFactory;
    /** Also receives the guest's kept stdout and stderr as written (a worker's stream to the host), or null. */
    private final java.util.function.Function<Boolean, java.io.OutputStream> mirrors;

    GuestRunner(Watchdog watchdog, HeapGuard heapGuard, EgressSettings egressSettings, NameResolver nameResolver) {
        this(watchdog, heapGuard, hostEgress(egressSettings, nameResolver), null);
    }

    GuestRunner(Watchdog watchdog, HeapGuard heapGuard, EgressFactory egressFactory,
                java.util.function.Function<Boolean, java.io.OutputStream> mirrors) {
        this.watchdog = watchdog;
        this.heapGuard = heapGuard;
        this.egressFactory = egressFactory;
        this.mirrors = mirrors;
    }

    /** The host's own gateway: the request's rules, the engine's settings, credentials added on the host. */
    static EgressFactory hostEgress(EgressSettings settings, NameResolver resolver) {
        return (binding, remaining) -> new EgressGateway(HostRules.compile(binding.http()), settings, resolver,
                remaining);
    }

    RunResult run(GuestLanguage language, ExecutionBinding binding, Limits limits, RunControl control, Work work) {
        return run(language, binding, limits, control, work.action());
    }

    /** What happened during one run, gathered for {@link #decide}. */
    private static final class Seen {
        Ending ending;
        PolyglotException guestException;
        Throwable hostFailure;
        /** The heap ran out in the guest's thread, or the heap guard found it over its memory limit. */
        boolean outOfMemory;
    }

    /**
     * Where a run's context comes from and where it goes: by default a fresh (or pooled) context of
     * the language, released (closed) once the result has been handed over; a warm instance
     * (WarmInstances) may keep it for the next call of the same function.
     */
    interface ContextSource {
        GuestContext take();

        /**
         * Called once the run's outcome is decided and nothing of the run touches the context any
         * more, before the result is handed over (so the caller's next call finds it): true when
         * the source keeps the context, false to have it {@link #release released} afterwards.
         */
        default boolean keep(GuestContext used, RunResult result) {
            return false;
        }

        /** Ends a context that was not kept, once the result has been handed over. */
        void release(GuestContext used);
    }

    RunResult run(GuestLanguage language, ExecutionBinding binding, Limits limits, RunControl control,
                  GuestAction action) {
        return run(language, new ContextSource() {
            @Override
            public GuestContext take() {
                return language.takeContext();
            }

            @Override
            public void release(GuestContext used) {
                language.release(used);
            }
        }, binding, limits, control, action);
    }

    RunResult run(GuestLanguage language, ContextSource contexts, ExecutionBinding binding, Limits limits,
                  RunControl control, GuestAction action) {
        boolean[] kept = {false};
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        OutputCap out = new OutputCap(limits.stdoutCapBytes(), mirrors == null ? null : mirrors.apply(false));
        OutputCap err = new OutputCap(limits.stderrCapBytes(), mirrors == null ? null : mirrors.apply(true));
        // the guest writes through gates, shut when its run ends: its context closes in the background
        OutputGate guestOut = new OutputGate(out);
        OutputGate guestErr = new OutputGate(err);
        AtomicBoolean timedOut = new AtomicBoolean();
        Duration timeout = limits.executionTimeout();
        Seen seen = new Seen();

        GuestContext context = null;
        ScheduledFuture<?> deadline = null;
        HeapGuard.Watch memory = null;
        // guest HTTP calls are bounded by what is left of the time limit
        long[] deadlineAt = {Long.MAX_VALUE};
        GuestHttp egress = egressFactory.open(binding,
                () -> deadlineAt[0] == Long.MAX_VALUE ? timeout.toNanos() : deadlineAt[0] - System.nanoTime());
        running.add(control);
        try {
            if (!control.cancelled()) {
                context = contexts.take();
                GuestContext c = context;
                // closing a context cannot interrupt a guest blocked in an HTTP call (a socket read in
                // host code): cancelling it (or its time limit) ends the call first
                c.whenCancelled(egress::abort);
                control.attach(c);
                // the limit covers the guest's own run, not the context's start-up (seconds on a cold JVM)
                deadlineAt[0] = System.nanoTime() + timeout.toNanos();
                deadline = watchdog.schedule(timeout, () -> {
                    timedOut.set(true);
                    c.cancel();
                });
                // the memory limit stops the guest the same way, from the guard's thread
                // null inside a worker: its heap bound (-Xmx, ExitOnOutOfMemoryError) is the limit there
                // measured directly (the heap its context retains) where the JVM can (with the Graal compiler)
                memory = heapGuard == null ? null : heapGuard.watch(Thread.currentThread(), limits.memorySizeMib() * Limits.MIB,
                        c.measurable() ? c::heldBeyondFresh : null, () -> watchdog.execute(c::cancel));
                // an exit requested by the guest also closes the context from outside, so a guest that
                // catches the exit and carries on is stopped all the same
                context.bind(binding, guestOut, guestErr, () -> watchdog.execute(c::cancel), egress);
                seen.ending = action.run(context);
            }
        } catch (PolyglotException e) {
            seen.guestException = e;
        } catch (RuntimeException | StackOverflowError e) {
            seen.hostFailure = e;
        } catch (OutOfMemoryError e) {
            // the heap filled before the heap guard stopped the guest: the execution ends as over its
            // memory limit, its record is still written, and the host carries on
            LOG.warning("a " + language.language().wireName() + " execution exhausted the heap");
            seen.outOfMemory = true;
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
            if (memory != null) {
                memory.close();
                seen.outOfMemory |= memory.breached();
            }
            control.detach();
            running.remove(control);
            guestOut.shut();
            guestErr.shut();
            if (context != null) {
                // closing a context takes milliseconds (GraalPy: ~30 ms) and its replacement far more;
                // nothing of the execution's result depends on either (the gates are shut, and an exit
                // requested through the bridge was recorded already), so both start once the result
                // has been handed over, and the close happens on a thread of its own
                GuestContext used = context;
                control.afterwards(() -> {
                    if (!kept[0]) {
                        contexts.release(used);
                    }
                });
            }
            egress.close();
        }
        Integer exited = context == null || context.bridge() == null ? null : context.bridge().exitStatus();
        Outcome outcome = decide(language, seen, exited, timedOut.get(), control.cancelled(), timeout,
                limits.memorySizeMib(), err, out);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        EgressMetrics m = egress.metrics();
        // what execute produced counts only when the guest's code ended by itself (decide's own order)
        boolean endedByItself = seen.ending != null && exited == null && !timedOut.get() && !control.cancelled()
                && !seen.outOfMemory;
        FunctionOutcome function = endedByItself ? seen.ending.function() : null;
        RunResult result = new RunResult(outcome, out.text(), err.text(), millis, startedAt,
                HttpMetrics.of(m.requests(), m.refusals(), m.bytesOut(), m.bytesIn()), function);
        kept[0] = context != null && contexts.keep(context, result);
        return result;
    }

    /**
     * The one place an execution's outcome is decided. In order: the guest's own exit through the
     * bridge; the time limit; cancellation; the memory limit (the heap guard's breach, or the heap
     * running out in the guest's thread); how the guest's code ended by
     * itself; an exception that reached the host (a guest error it did not handle, a syntax error,
     * an exit, an internal failure of the host or the language).
     */
    private static Outcome decide(GuestLanguage language, Seen seen, Integer exited, boolean timedOut,
                                  boolean cancelled, Duration timeout, int memoryMib, OutputCap err,
                                  OutputCap out) {
        List<String> notes = new ArrayList<>();
        Outcome outcome;
        if (exited != null) {
            outcome = Outcome.of(Outcome.Kind.EXITED, exited);
        } else if (timedOut) {
            outcome = Outcome.of(Outcome.Kind.TIMED_OUT, Outcome.TIMED_OUT_STATUS);
            notes.add(timeLimitMessage(timeout));
        } else if (cancelled) {
            outcome = Outcome.of(Outcome.Kind.CANCELLED, Outcome.CANCELLED_STATUS);
            notes.add("execution cancelled");
        } else if (seen.outOfMemory) {
            outcome = Outcome.of(Outcome.Kind.MEMORY_LIMIT, Outcome.MEMORY_LIMIT_STATUS);
            notes.add("memory limit of " + memoryMib + " MiB exceeded");
        } else if (seen.ending != null) {
            outcome = Outcome.of(seen.ending.status().kind(), seen.ending.status().exitStatus());
        } else if (seen.guestException != null) {
            outcome = fromException(seen.guestException, language, err, notes);
        } else if (seen.hostFailure != null) {
            LOG.log(Level.WARNING, "internal error while running a " + language.language().wireName() + " execution",
                    seen.hostFailure);
            outcome = Outcome.of(Outcome.Kind.INTERNAL_ERROR, 1);
            notes.add(INTERNAL_ERROR);
        } else {
            outcome = Outcome.completed();
        }
        if (out.truncated()) {
            notes.add("stdout truncated at " + RequestValidator.human(out.capBytes()) + " (" + out.droppedBytes()
                    + " bytes dropped)");
        }
        if (err.truncated()) {
            notes.add("stderr truncated at " + RequestValidator.human(err.capBytes()) + " (" + err.droppedBytes()
                    + " bytes dropped)");
        }
        return outcome.withTruncation(out.truncated(), err.truncated()).withNotes(notes);
    }

    private static final String INTERNAL_ERROR = "internal error while running this execution (see the host's log)";

    private static Outcome fromException(PolyglotException e, GuestLanguage language, OutputCap err,
                                         List<String> notes) {
        if (e.isExit()) {
            return Outcome.of(Outcome.Kind.EXITED, e.getExitStatus());
        }
        if (e.isCancelled()) {
            notes.add("execution cancelled");
            return Outcome.of(Outcome.Kind.CANCELLED, Outcome.CANCELLED_STATUS);
        }
        if (e.isResourceExhausted()) {
            notes.add("the execution ran out of resources");
            return Outcome.of(Outcome.Kind.GUEST_ERROR, 1);
        }
        if (e.isHostException() || e.isInternalError()) {
            // a Java exception from the host or from the language implementation itself: its text
            // (class names, host frames, paths) is for the host's log, never for the guest
            LOG.log(Level.WARNING, (e.isHostException() ? "host" : "language-internal") + " exception inside a "
                    + language.language().wireName() + " execution: " + LogText.line(e.getMessage()));
            LOG.log(Level.FINE, "the exception", e.isHostException() ? e.asHostException() : e);
            notes.add(INTERNAL_ERROR);
            return Outcome.of(Outcome.Kind.INTERNAL_ERROR, 1);
        }
        // the guest's own error report is guest output: it passes through the stderr cap like any write
        int maxChars = (int) Math.min(Integer.MAX_VALUE - 16, err.capBytes() + 1);
        byte[] report = language.describeUncaught(e, maxChars).getBytes(StandardCharsets.UTF_8);
        err.write(report, 0, report.length);
        String message = e.getMessage();
        if (message != null && message.length() > maxChars) {
            // the part of the message cut before it was written counts as dropped output too
            err.countDropped(message.length() - (long) maxChars);
        }
        return Outcome.of(e.isSyntaxError() ? Outcome.Kind.SYNTAX_ERROR : Outcome.Kind.GUEST_ERROR, 1);
    }

    /** Stops every execution under way (the engine is closing); each ends as cancelled. */
    void cancelAll() {
        for (RunControl c : running) {
            c.cancel();
        }
    }

    static String timeLimitMessage(Duration timeout) {
        long ms = timeout.toMillis();
        String amount = ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0);
        return "time limit of " + amount + " s exceeded";
    }
}
