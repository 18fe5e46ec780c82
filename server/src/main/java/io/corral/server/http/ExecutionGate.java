package io.corral.server.http;

import io.corral.api.Execution;
import io.corral.api.RequestRejectedException;
import io.corral.engine.ExecutionEngine;
import io.corral.engine.ExecutionFuture;
import io.corral.server.store.RequestLedger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where every execution the API starts goes through, so that code never runs twice by accident:
 *
 * <ul>
 *   <li>each execution started is written to the {@link RequestLedger} (key id, hash of method,
 *       path and body) the moment it is queued;</li>
 *   <li>a retried request (the SDK's {@code X-Stainless-Retry-Count} above 0) with the same key and
 *       hash as an execution started within {@link #RETRY_WINDOW} attaches to that execution: it
 *       waits for its record in the store (so it works across server instances sharing a database)
 *       instead of running the code again;</li>
 *   <li>a request whose time (its {@code X-Stainless-Timeout}) runs out cancels its execution and
 *       answers with the cancelled record;</li>
 *   <li>{@link #drain} stops new executions, lets running ones finish for a grace period and
 *       cancels the rest.</li>
 * </ul>
 */
public final class ExecutionGate {

    /** How far back a retried request looks for the execution its first attempt started. */
    public static final Duration RETRY_WINDOW = Duration.ofMinutes(3);

    /** How long to wait for a cancelled execution's record. */
    static final Duration CANCELLED_RECORD_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(ExecutionGate.class.getName());

    /**
     * One request that starts an execution: who sent it, its hash, whether the client retried it,
     * and when its answer is due (null: no deadline beyond the execution's own time limit).
     */
    public record Attempt(String apiKeyId, String requestHash, boolean retried, Instant deadline) {
    }

    private final ExecutionEngine engine;
    private final RequestLedger ledger;
    private final Clock clock;
    private final Duration attachWait;
    private final Set<ExecutionFuture> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger starting = new AtomicInteger();
    private volatile boolean draining;
    private volatile Runnable onAttach = () -> { };

    /**
     * @param attachWait how long a retry without a deadline waits for the record of the execution it
     *                   attached to
     */
    public ExecutionGate(ExecutionEngine engine, RequestLedger ledger, Clock clock, Duration attachWait) {
        this.engine = engine;
        this.ledger = ledger;
        this.clock = clock;
        this.attachWait = attachWait;
    }

    /** Called each time a retried request attaches to an earlier execution (for metrics). */
    public void onAttach(Runnable listener) {
        this.onAttach = listener;
    }

    /**
     * Runs what {@code start} starts, or attaches to the execution an earlier attempt of the same
     * request started, and returns its record.
     *
     * @throws RequestRejectedException when the engine refuses the request (nothing ran)
     * @throws ApiError                 503 while draining (nothing ran), 504 when no record came in
     *                                  time, 500 when the engine failed after the execution started
     */
    public Execution run(Attempt attempt, Supplier<ExecutionFuture> start) {
        if (attempt.retried()) {
            Optional<String> earlier = ledger.find(attempt.apiKeyId(), attempt.requestHash(),
                    clock.instant().minus(RETRY_WINDOW));
            if (earlier.isPresent()) {
                onAttach.run();
                Instant until = attempt.deadline() != null ? attempt.deadline() : clock.instant().plus(attachWait);
                return awaitRecord(earlier.get(), until, "the execution an earlier attempt of this request started");
            }
        }
        ExecutionFuture future;
        starting.incrementAndGet();
        try {
            if (draining) {
                throw ApiError.unavailable("the server is shutting down; nothing ran", ApiError.Retry.SAFE);
            }
            future = start.get();
            try {
                ledger.started(future.id(), attempt.apiKeyId(), attempt.requestHash(), clock.instant());
            } catch (RuntimeException e) {
                // the code is queued already: answering an error would invite the retry we guard against
                LOG.log(Level.WARNING, "could not record execution " + future.id() + " in the request ledger; "
                        + "a retry of this request would run it again", e);
            }
            // counted in flight only once it is in the ledger: whoever sees it in flight can find it there
            inFlight.add(future);
        } finally {
            starting.decrementAndGet();
        }
        try {
            return await(future, attempt.deadline());
        } finally {
            inFlight.remove(future);
        }
    }

    private Execution await(ExecutionFuture future, Instant deadline) {
        try {
            if (deadline == null) {
                return future.get();
            }
            long nanos = Duration.between(clock.instant(), deadline).toNanos();
            return future.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // the client gives up soon: stop the code and answer with its record, before the client retries
            future.cancel(true);
            return awaitRecord(future.id(), clock.instant().plus(CANCELLED_RECORD_WAIT), "the cancelled execution");
        } catch (CancellationException e) {
            // the server is closing and its grace period ran out
            return awaitRecord(future.id(), clock.instant().plus(CANCELLED_RECORD_WAIT), "the cancelled execution");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RequestRejectedException r) {
                throw r;
            }
            LOG.log(Level.SEVERE, "execution " + future.id() + " failed in the engine", e.getCause());
            throw ApiError.internal("execution " + future.id() + " failed in the server (see its log)",
                    ApiError.Retry.NEVER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.unavailable("the server is shutting down; execution " + future.id()
                    + " may still finish: see GET /v1/executions/" + future.id(), ApiError.Retry.NEVER);
        }
    }

    /** Polls the store (not this instance's memory) until the record is there or {@code until} passes. */
    private Execution awaitRecord(String executionId, Instant until, String what) {
        long pauseMillis = 20;
        while (true) {
            Optional<Execution> found = engine.findExecution(executionId);
            if (found.isPresent()) {
                return found.get();
            }
            long left = Duration.between(clock.instant(), until).toMillis();
            if (left <= 0) {
                throw ApiError.deadlineExceeded("execution " + executionId + " (" + what + ") has no record yet; "
                        + "it was not run again: see GET /v1/executions/" + executionId + " later");
            }
            try {
                Thread.sleep(Math.min(pauseMillis, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ApiError.unavailable("the server is shutting down; see GET /v1/executions/" + executionId,
                        ApiError.Retry.NEVER);
            }
            pauseMillis = Math.min(pauseMillis * 2, 250);
        }
    }

    /** Executions started through this gate whose requests have not been answered yet. */
    public int inFlight() {
        return inFlight.size();
    }

    public boolean draining() {
        return draining;
    }

    /**
     * Refuses new executions (503, safe to retry elsewhere), waits up to {@code grace} for those
     * under way, cancels the rest and waits (bounded) until their requests have their answers.
     */
    public void drain(Duration grace) {
        draining = true;
        Instant end = clock.instant().plus(grace);
        waitUntilIdle(end);
        for (ExecutionFuture f : inFlight) {
            f.cancel(true);
        }
        waitUntilIdle(clock.instant().plus(CANCELLED_RECORD_WAIT));
    }

    private void waitUntilIdle(Instant end) {
        while ((starting.get() > 0 || !inFlight.isEmpty()) && clock.instant().isBefore(end)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
