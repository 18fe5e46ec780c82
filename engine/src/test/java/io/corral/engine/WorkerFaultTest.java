package io.corral.engine;

import io.corral.api.Execution;
import io.corral.api.Isolation;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.Outcome;
import io.corral.api.ScriptRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A worker that dies, hangs or sends garbage yields a clear execution error naming the worker's
 * end, nothing of the host is lost, and the next execution on the same engine succeeds on a new
 * worker. The faults come from {@link FaultyWorkerMain}, a worker that misbehaves on request, run
 * in the real sandbox; the SIGKILL case uses the real worker.
 */
class WorkerFaultTest {

    private static ExecutionEngine faulty;

    @BeforeAll
    static void engine() {
        ProcessIsolation.requireSandbox();
        faulty = ExecutionEngine.newBuilder().languages(Language.JAVASCRIPT).isolation(Isolation.PROCESS)
                .warmContexts(0).workerFaults(FaultyWorkerMain.class.getName(), Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void close() {
        if (faulty != null) {
            faulty.close();
        }
    }

    private static Execution run(ExecutionEngine engine, String code) {
        return engine.run(ScriptRequest.newBuilder(Language.JAVASCRIPT, code)
                .limits(Limits.newBuilder().executionTimeoutSeconds(20).build()).build());
    }

    private static void nextRunSucceeds() {
        Execution next = run(faulty, "console.log('fine')");
        assertEquals(Outcome.Kind.COMPLETED, next.outcome().kind(), next.notices().toString());
        assertEquals("ok\n", next.scriptResult().stdout());
    }

    @Test
    void garbageFromTheWorkerIsAnInternalErrorNamingTheWorker() {
        Execution x = run(faulty, "garbage");
        assertEquals(Outcome.Kind.INTERNAL_ERROR, x.outcome().kind());
        assertTrue(x.notices().stream().anyMatch(n -> n.contains("the worker sent a malformed message")
                && n.contains("the worker was replaced")), x.notices().toString());
        nextRunSucceeds();
    }

    @Test
    void aSilentWorkerIsEndedAndTheExecutionSaysSo() {
        Execution x = run(faulty, "silent");
        assertEquals(Outcome.Kind.INTERNAL_ERROR, x.outcome().kind());
        assertTrue(x.notices().stream().anyMatch(n -> n.contains("the worker stopped answering")), x.notices().toString());
        nextRunSucceeds();
    }

    @Test
    void aWorkerThatExitsMidRunEndsOnlyItsExecution() {
        Execution x = run(faulty, "exit");
        assertEquals(Outcome.Kind.EXITED, x.outcome().kind());
        assertEquals(42, x.exitCode());
        assertTrue(x.notices().stream().anyMatch(n -> n.contains("the worker process ended during the execution")),
                x.notices().toString());
        nextRunSucceeds();
    }

    @Test
    void sigkillingARealWorkerMidExecutionEndsThatExecutionAndTheNextOneGetsANewWorker() throws Exception {
        try (ExecutionEngine engine = ExecutionEngine.newBuilder().languages(Language.JAVASCRIPT)
                .isolation(Isolation.PROCESS).warmContexts(0).build()) {
            ExecutionFuture running = engine.runAsync(ScriptRequest.newBuilder(Language.JAVASCRIPT,
                    "console.log('started'); const t = Date.now(); while (Date.now() - t < 60000) {}")
                    .limits(Limits.newBuilder().executionTimeoutSeconds(120).build()).build());
            ProcessHandle worker = awaitBusyWorkerJvm(engine, Duration.ofSeconds(180), running);
            // the run frame went out; give the guest a moment to start
            Thread.sleep(1000);
            assertTrue(worker.destroyForcibly());
            Execution killed = running.join();
            assertEquals(Outcome.Kind.EXITED, killed.outcome().kind(), killed.notices().toString());
            assertEquals(137, killed.exitCode(), "a SIGKILLed worker reads as the shell's 128 + 9");
            assertTrue(killed.notices().stream().anyMatch(n -> n.contains("worker process ended")),
                    killed.notices().toString());
            Execution next = engine.run(ScriptRequest.of(Language.JAVASCRIPT, "console.log(6 * 7)"));
            assertEquals("42\n", next.scriptResult().stdout(), next.notices().toString());
            assertTrue(ProcessHandle.current().isAlive());
        }
    }

    /** The real worker's JVM inside the sandbox (a descendant of this JVM). */
    static ProcessHandle awaitBusyWorkerJvm(ExecutionEngine engine, Duration within, ExecutionFuture running)
            throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            // the JVM of a worker serving an execution (its command line is too long for /proc to show whole)
            Optional<ProcessHandle> jvm = engine.liveWorkers().stream().filter(w -> w.uses() > 0)
                    .flatMap(w -> w.processes().stream())
                    .filter(p -> p.info().command().map(c -> c.endsWith("/bin/java")).orElse(false))
                    .findFirst();
            if (jvm.isPresent()) {
                return jvm.get();
            }
            if (running.isDone()) {
                Execution x = running.join();
                throw new AssertionError("the execution ended before a worker was seen: " + x.outcome() + " "
                        + x.notices() + " " + x.scriptResult().stdout() + x.scriptResult().stderr());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no worker served the execution within " + within + "; workers: "
                + engine.liveWorkers());
    }

    static List<String> notices(Execution x) {
        return x.notices();
    }
}
