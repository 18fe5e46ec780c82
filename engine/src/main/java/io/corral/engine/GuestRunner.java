package io.corral.engine;

import io.corral.api.ExecResult;
import io.corral.api.HttpMetrics;
import io.corral.api.Limits;
import io.corral.engine.egress.EgressGateway;
import io.corral.engine.egress.EgressMetrics;
import io.corral.engine.egress.EgressSettings;
import io.corral.engine.egress.HostRules;
import io.corral.engine.egress.NameResolver;
import io.corral.engine.lang.ExecutionBinding;
import io.corral.engine.lang.GuestContext;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.sandbox.LogText;
import io.corral.engine.sandbox.OutputCap;
import io.corral.engine.sandbox.RequestValidator;
import io.corral.engine.sandbox.Watchdog;
import org.graalvm.polyglot.PolyglotException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one execution (a script or a function call) in one fresh context under a wall-clock
 * deadline and turns whatever happened into an exit code and two capped output texts. Guest
 * failures never escape as exceptions.
 */
final class GuestRunner {

    private static final Logger LOG = Logger.getLogger(GuestRunner.class.getName());

    /** What to do in the bound context; returns the exit status when the guest ended by itself. */
    @FunctionalInterface
    interface GuestAction {
        int run(GuestContext context);
    }

    /** Where a script believes it lives, per language: {@code /code/main.py}. */
    static String scriptPath(io.corral.api.Language language) {
        return "/code/main" + language.fileExtension();
    }

    record Outcome(int exitCode, String stdout, String stderr, long durationMillis, Instant startedAt,
                   HttpMetrics http) {
    }

    private final Watchdog watchdog;
    /** Contexts of executions under way, so closing the engine can stop them. */
    private final java.util.Set<GuestContext> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final EgressSettings egressSettings;
    private final NameResolver nameResolver;

    GuestRunner(Watchdog watchdog, EgressSettings egressSettings, NameResolver nameResolver) {
        this.watchdog = watchdog;
        this.egressSettings = egressSettings;
        this.nameResolver = nameResolver;
    }

    Outcome run(GuestLanguage language, ExecutionBinding binding, Limits limits, GuestAction action) {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        OutputCap out = new OutputCap(limits.stdoutCapBytes());
        OutputCap err = new OutputCap(limits.stderrCapBytes());
        StringBuilder notes = new StringBuilder();
        AtomicBoolean timedOut = new AtomicBoolean();
        Duration timeout = limits.executionTimeout();

        int exitCode;
        GuestContext context = null;
        ScheduledFuture<?> deadline = null;
        // guest HTTP calls are bounded by what is left of the time limit
        long[] deadlineAt = {Long.MAX_VALUE};
        EgressGateway egress = new EgressGateway(HostRules.compile(binding.http()), egressSettings, nameResolver,
                () -> deadlineAt[0] == Long.MAX_VALUE ? timeout.toNanos() : deadlineAt[0] - System.nanoTime());
        try {
            context = language.takeContext();
            GuestContext c = context;
            running.add(c);
            // the limit covers the guest's own run, not the context's start-up (seconds on a cold JVM)
            deadlineAt[0] = System.nanoTime() + timeout.toNanos();
            deadline = watchdog.schedule(timeout, () -> {
                timedOut.set(true);
                c.cancel();
            });
            // an exit requested by the guest also closes the context from outside, so a guest that
            // catches the exit and carries on is stopped all the same
            context.bind(binding, out, err, () -> watchdog.execute(c::cancel), egress);
            int status = action.run(context);
            Integer requested = context.bridge().exitStatus();
            exitCode = requested != null ? requested : status;
        } catch (PolyglotException e) {
            exitCode = classify(e, context, language, timedOut.get(), timeout, notes, err);
        } catch (RuntimeException | StackOverflowError e) {
            if (timedOut.get()) {
                exitCode = ExecResult.TIMED_OUT;
                notes.append(timeLimitMessage(timeout));
            } else {
                LOG.log(Level.WARNING, "internal error while running a " + language.language().wireName()
                        + " execution", e);
                exitCode = 1;
                notes.append("corral: internal error while running this execution (see the host's log)\n");
            }
        } catch (OutOfMemoryError e) {
            // the guest's own allocations filled the heap (nothing bounds them in-process): the
            // execution ends, its record is still written, and the host carries on
            LOG.log(Level.WARNING, "a " + language.language().wireName() + " execution exhausted the heap");
            exitCode = 1;
            notes.append("corral: the execution ran out of memory\n");
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
            if (context != null) {
                running.remove(context);
                context.close();
            }
            egress.close();
        }
        if (out.truncated()) {
            notes.append("corral: stdout truncated at ").append(RequestValidator.human(out.capBytes()))
                    .append(" (").append(out.droppedBytes()).append(" bytes dropped)\n");
        }
        if (err.truncated()) {
            notes.append("corral: stderr truncated at ").append(RequestValidator.human(err.capBytes()))
                    .append(" (").append(err.droppedBytes()).append(" bytes dropped)\n");
        }
        String stderr = err.text();
        if (!notes.isEmpty() && !stderr.isEmpty() && !stderr.endsWith("\n")) {
            stderr += "\n";
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        EgressMetrics m = egress.metrics();
        return new Outcome(exitCode, out.text(), stderr + notes, millis, startedAt,
                new HttpMetrics(m.requests(), m.refusals(), m.bytesOut(), m.bytesIn()));
    }

    /** Stops every execution under way (the engine is closing); each ends as cancelled. */
    void cancelAll() {
        for (GuestContext c : running) {
            watchdog.execute(c::cancel);
        }
    }

    private static int classify(PolyglotException e, GuestContext context, GuestLanguage language,
                                boolean timedOut, Duration timeout, StringBuilder notes, OutputCap err) {
        Integer requested = context == null || context.bridge() == null ? null : context.bridge().exitStatus();
        if (requested != null) {
            return requested;
        }
        if (timedOut) {
            notes.append(timeLimitMessage(timeout));
            return ExecResult.TIMED_OUT;
        }
        if (e.isExit()) {
            return e.getExitStatus();
        }
        if (e.isCancelled()) {
            notes.append("corral: execution cancelled\n");
            return 1;
        }
        if (e.isResourceExhausted()) {
            notes.append("corral: the execution ran out of resources\n");
            return 1;
        }
        if (e.isHostException() || e.isInternalError()) {
            // a Java exception from the host or from the language implementation itself: its text
            // (class names, host frames, paths) is for the host's log, never for the guest
            LOG.log(Level.WARNING, (e.isHostException() ? "host" : "language-internal") + " exception inside a "
                    + language.language().wireName() + " execution: " + LogText.line(e.getMessage()));
            LOG.log(Level.FINE, "the exception", e.isHostException() ? e.asHostException() : e);
            notes.append("corral: internal error while running this execution (see the host's log)\n");
            return 1;
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
        return 1;
    }

    private static String timeLimitMessage(Duration timeout) {
        long ms = timeout.toMillis();
        String amount = ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0);
        return "time limit of " + amount + " s exceeded\n";
    }
}
