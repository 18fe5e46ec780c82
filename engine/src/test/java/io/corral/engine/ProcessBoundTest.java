package io.corral.engine;

import io.corral.api.Execution;
import io.corral.api.Isolation;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.Outcome;
import io.corral.api.ScriptRequest;
import io.corral.engine.isolation.WorkerSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox bounds the processes a worker can have ({@code RLIMIT_NPROC} on a user of its own),
 * and a fork bomb inside it leaves the host and other executions unaffected. The processes are
 * started by {@link ForkBombWorkerMain}, a worker that runs a real shell in the real sandbox (guest
 * languages refuse to start processes: this is the wall under that refusal). The bomb runs only
 * after the worker found the bound in force, and the test fails (never bombs unbounded) otherwise.
 */
class ProcessBoundTest {

    private static ExecutionEngine bombs;

    @BeforeAll
    static void engine() {
        ProcessIsolation.requireSandbox();
        bombs = ExecutionEngine.newBuilder().languages(Language.JAVASCRIPT).isolation(Isolation.PROCESS)
                .warmContexts(0).workerFaults(ForkBombWorkerMain.class.getName(), Duration.ofMinutes(5)).build();
    }

    @AfterAll
    static void close() {
        if (bombs != null) {
            bombs.close();
        }
    }

    private static ScriptRequest program(String code) {
        return ScriptRequest.newBuilder(Language.JAVASCRIPT, code)
                .limits(Limits.newBuilder().executionTimeoutSeconds(300).build()).build();
    }

    @Test
    void theProcessBeyondTheBoundIsRefusedInsideTheSandbox() {
        Execution x = bombs.run(program("bound"));
        String out = x.scriptResult().stdout();
        assertEquals(Outcome.Kind.COMPLETED, x.outcome().kind(), out + x.notices());
        assertBoundInForce(out);
        Matcher started = Pattern.compile("started (\\d+)").matcher(out);
        assertTrue(started.find(), out);
        int n = Integer.parseInt(started.group(1));
        // the worker's JVM threads share the bound with the shell's processes
        assertTrue(n > WorkerSandbox.PROCESS_BOUND / 4 && n < WorkerSandbox.PROCESS_BOUND,
                "started " + n + " processes; the bound is " + WorkerSandbox.PROCESS_BOUND + ":\n" + out);
        assertTrue(out.contains("Cannot fork"), "the shell's next fork must be refused:\n" + out);
    }

    @Test
    void aForkBombStaysWithinTheBoundAndTheHostAndOtherExecutionsAreUnaffected() throws Exception {
        ExecutionFuture bomb = bombs.runAsync(program("bomb"));
        // the bomb's processes, seen from the host: descendants of the serving worker's sandbox
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int peak = 0;
        java.util.Set<ProcessHandle> seen = new java.util.HashSet<>();
        while (System.nanoTime() < until && peak < WorkerSandbox.PROCESS_BOUND / 2) {
            assertFalse(bomb.isDone(), () -> "the bomb ended early: " + describe(bomb.join()));
            peak = Math.max(peak, workerProcesses(seen));
            Thread.sleep(50);
        }
        assertTrue(peak >= WorkerSandbox.PROCESS_BOUND / 2, "the bomb never got going: " + peak + " processes");

        // meanwhile: executions on the host, and a process the host starts, all as usual
        List<CompletableFuture<Execution>> others = new ArrayList<>();
        for (Language l : List.of(Language.PYTHON, Language.JAVASCRIPT, Language.PYTHON, Language.JAVASCRIPT)) {
            String code = l == Language.PYTHON ? "print(sum(range(10)))" : "console.log([...Array(10).keys()].reduce((a, b) => a + b))";
            others.add(TestEngine.shared().runAsync(ScriptRequest.of(l, code)));
        }
        Process host = new ProcessBuilder("/bin/sh", "-c", "echo host-fork").start();
        assertEquals("host-fork", new String(host.getInputStream().readAllBytes()).strip());
        for (CompletableFuture<Execution> o : others) {
            Execution e = o.join();
            assertEquals("45\n", e.scriptResult().stdout(), describe(e));
        }
        for (int i = 0; i < 20; i++) {
            peak = Math.max(peak, workerProcesses(seen));
            Thread.sleep(50);
        }
        // the sandbox's own init and the worker's launcher are not the worker's user's
        assertTrue(peak <= WorkerSandbox.PROCESS_BOUND + 3, "the bomb passed the bound: " + peak + " processes");
        assertFalse(bomb.isDone(), "the bomb was still running while the host worked");

        assertTrue(bomb.cancel(true));
        long recorded = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (bombs.findExecution(bomb.id()).isEmpty() && System.nanoTime() < recorded) {
            Thread.sleep(100);
        }
        Execution ended = bombs.findExecution(bomb.id()).orElseThrow(() -> new AssertionError("never recorded"));
        assertEquals(Outcome.Kind.CANCELLED, ended.outcome().kind(), describe(ended));
        assertTrue(ended.scriptResult().stdout().contains("bombing"), describe(ended));
        assertBoundInForce(ended.scriptResult().stdout());
        long gone = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (seen.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < gone) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), seen.stream().filter(ProcessHandle::isAlive).toList(),
                "the bomb's processes outlived its worker");

        Execution next = bombs.run(program("next"));
        assertTrue(next.scriptResult().stdout().endsWith("\nok\n"), describe(next));
    }

    private static void assertBoundInForce(String out) {
        Matcher m = Pattern.compile("uid (\\d+)\\s.*max processes (\\d+)").matcher(out);
        assertTrue(m.find(), "the worker did not report a finite process bound under its own user:\n" + out);
        assertFalse(m.group(1).equals("0"), "the worker ran as root, where RLIMIT_NPROC does not count:\n" + out);
    }

    /** Processes in the sandboxes of this engine's workers (the sandbox itself included), kept in {@code seen}. */
    private static int workerProcesses(java.util.Set<ProcessHandle> seen) {
        List<ProcessHandle> now = bombs.liveWorkers().stream().flatMap(w -> w.processes().stream()).toList();
        seen.addAll(now);
        return now.size();
    }

    private static String describe(Execution e) {
        return e.outcome() + " " + e.notices() + "\n" + e.scriptResult().stdout() + e.scriptResult().stderr();
    }
}
