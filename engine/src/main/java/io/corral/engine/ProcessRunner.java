package io.corral.engine;

import io.corral.api.HttpMetrics;
import io.corral.api.HttpPolicy;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.Outcome;
import io.corral.engine.egress.EgressMetrics;
import io.corral.engine.egress.GuestHttp;
import io.corral.engine.egress.HttpRelay;
import io.corral.engine.isolation.Worker;
import io.corral.engine.isolation.WorkerPool;
import io.corral.engine.lang.ExecutionBinding;
import io.corral.engine.lang.FunctionOutcome;
import io.corral.engine.sandbox.OutputCap;
import io.corral.engine.sandbox.Watchdog;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one execution in a worker process (PROCESS isolation): takes a worker of the request's
 * language and memory class, sends it the run, applies the output caps to what it streams back,
 * answers its HTTP calls through the execution's own gateway here on the host, and turns the
 * worker's result — or its death, silence or garbage — into the execution's outcome.
 */
final class ProcessRunner {

    private static final Logger LOG = Logger.getLogger(ProcessRunner.class.getName());
    /** How long after the time limit the host waits for the worker's own deadline before ending it. */
    private static final Duration GRACE = Duration.ofSeconds(5);
    /** How long a running worker may stay silent (it sends a heartbeat every second). */
    static final Duration SILENCE = Duration.ofSeconds(15);

    private final WorkerPool pool;
    private final Watchdog watchdog;
    private final GuestRunner.EgressFactory egressFactory;
    private final Set<RunControl> running = ConcurrentHashMap.newKeySet();
    private final Duration silence;

    ProcessRunner(WorkerPool pool, Watchdog watchdog, GuestRunner.EgressFactory egressFactory, Duration silence) {
        this.silence = silence;
        this.pool = pool;
        this.watchdog = watchdog;
        this.egressFactory = egressFactory;
    }

    GuestRunner.RunResult run(Language language, ExecutionBinding binding, Limits limits, RunControl control,
                              GuestRunner.Work work) {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        OutputCap out = new OutputCap(limits.stdoutCapBytes());
        OutputCap err = new OutputCap(limits.stderrCapBytes());
        Duration timeout = limits.executionTimeout();
        long[] deadlineAt = {Long.MAX_VALUE};
        GuestHttp egress = egressFactory.open(binding,
                () -> deadlineAt[0] == Long.MAX_VALUE ? timeout.toNanos() : deadlineAt[0] - System.nanoTime());
        WorkerPool.Key key = new WorkerPool.Key(language.wireName(), WorkerPool.memoryClass(limits.memorySizeMib()));
        List<String> notes = new ArrayList<>();
        Outcome outcome;
        FunctionOutcome function = null;
        Worker worker = null;
        boolean recycle = false;
        running.add(control);
        try {
            if (control.cancelled()) {
                outcome = Outcome.of(Outcome.Kind.CANCELLED, Outcome.CANCELLED_STATUS);
                notes.add("execution cancelled");
            } else {
                worker = pool.take(key);
                Worker w = worker;
                control.attach(() -> {
                    egress.abort();
                    w.cancel();
                    // a worker that does not honour the cancel in time is ended
                    watchdog.schedule(GRACE, () -> w.end("it did not stop a cancelled execution"));
                });
                deadlineAt[0] = System.nanoTime() + timeout.toNanos();
                // what the guest sees, without the request's HTTP rules or credentials
                ExecutionBinding sent = new ExecutionBinding(binding.scriptPath(), binding.args(), binding.env(),
                        binding.stdin(), binding.files(), HttpPolicy.DENY_ALL);
                Worker.Reply reply = w.execute(WorkerCodec.run(language, work, sent, limits), new Worker.Session() {
                    @Override
                    public void stdout(byte[] bytes) {
                        out.write(bytes, 0, bytes.length);
                    }

                    @Override
                    public void stderr(byte[] bytes) {
                        err.write(bytes, 0, bytes.length);
                    }

                    @Override
                    public byte[] http(byte[] request) throws IOException {
                        return HttpRelay.answer(egress, request);
                    }
                }, timeout.plus(GRACE), silence, pool.timer());
                switch (reply) {
                    case Worker.Finished f -> {
                        WorkerCodec.Result r = WorkerCodec.result(f.payload());
                        outcome = r.outcome();
                        function = r.function();
                        recycle = outcome.isMemoryLimit();
                    }
                    case Worker.Died d -> {
                        recycle = true;
                        if (d.outOfMemory()) {
                            outcome = Outcome.of(Outcome.Kind.MEMORY_LIMIT, Outcome.MEMORY_LIMIT_STATUS);
                            notes.add("memory limit of " + limits.memorySizeMib() + " MiB exceeded");
                        } else if (control.cancelled()) {
                            outcome = Outcome.of(Outcome.Kind.CANCELLED, Outcome.CANCELLED_STATUS);
                            notes.add("execution cancelled");
                        } else {
                            outcome = Outcome.of(Outcome.Kind.EXITED, d.exitStatus());
                            notes.add("the worker process ended during the execution (exit status " + d.exitStatus()
                                    + "); it was replaced");
                        }
                    }
                    case Worker.DeadlinePassed p -> {
                        recycle = true;
                        outcome = Outcome.of(Outcome.Kind.TIMED_OUT, Outcome.TIMED_OUT_STATUS);
                        notes.add(GuestRunner.timeLimitMessage(timeout));
                    }
                    case Worker.Failed f -> {
                        recycle = true;
                        if (control.cancelled()) {
                            outcome = Outcome.of(Outcome.Kind.CANCELLED, Outcome.CANCELLED_STATUS);
                            notes.add("execution cancelled");
                        } else {
                            LOG.warning("worker " + w.name() + " failed: " + f.why());
                            outcome = Outcome.of(Outcome.Kind.INTERNAL_ERROR, 1);
                            notes.add(f.why() + "; the worker was replaced");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not run a " + language.wireName() + " execution in a worker", e);
            outcome = Outcome.of(Outcome.Kind.INTERNAL_ERROR, 1);
            notes.add("could not run the execution in a worker process: " + e.getMessage());
            recycle = true;
        } finally {
            control.detach();
            running.remove(control);
            egress.close();
            if (worker != null) {
                Worker used = worker;
                boolean end = recycle;
                control.afterwards(() -> pool.release(key, used, end));
            }
        }
        if (out.truncated() && !outcome.stdoutTruncated()) {
            notes.add("stdout truncated at " + io.corral.engine.sandbox.RequestValidator.human(out.capBytes()));
        }
        if (err.truncated() && !outcome.stderrTruncated()) {
            notes.add("stderr truncated at " + io.corral.engine.sandbox.RequestValidator.human(err.capBytes()));
        }
        outcome = outcome.withTruncation(outcome.stdoutTruncated() || out.truncated(),
                outcome.stderrTruncated() || err.truncated()).withNotes(notes);
        EgressMetrics m = egress.metrics();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new GuestRunner.RunResult(outcome, out.text(), err.text(), millis, startedAt,
                HttpMetrics.of(m.requests(), m.refusals(), m.bytesOut(), m.bytesIn()), function);
    }

    /** Stops every execution under way (the engine is closing). */
    void cancelAll() {
        for (RunControl c : running) {
            c.cancel();
        }
    }
}
