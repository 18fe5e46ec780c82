package io.corral.engine;

import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.ScriptRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing an engine finishes whatever background work is under way (TypeScript's compiler load,
 * warm-context refill, a guest that will not stop). The deadlines here detect a hang; they are not
 * performance figures.
 */
class EngineCloseTest {

    private static final Duration HANG = Duration.ofSeconds(60);

    @Test
    void enginesBuiltAndClosedAtOnceNeverHang() {
        for (int i = 0; i < 15; i++) {
            // every language starts its background work: the TypeScript compiler begins loading at once
            ExecutionEngine engine = ExecutionEngine.newBuilder().warmContexts(1).build();
            if (i % 3 == 1) {
                engine.runAsync(ScriptRequest.of(Language.TYPESCRIPT, "console.log(1 as number)"));
            } else if (i % 3 == 2) {
                engine.runAsync(ScriptRequest.of(Language.PYTHON, "print(1)"));
            }
            assertTimeoutPreemptively(HANG, engine::close, "close number " + (i + 1) + " hung");
        }
    }

    @Test
    void queuedRunsEndWhenTheEngineClosesBeforeTheyStart() {
        ExecutionEngine engine = ExecutionEngine.newBuilder().languages(Language.JAVASCRIPT).concurrency(1)
                .configuration(io.corral.api.Configuration.RIZA.toBuilder().defaultExecutionTimeout(Duration.ofSeconds(300)).build()).build();
        CompletableFuture<io.corral.api.Execution> running = engine.runAsync(ScriptRequest.of(Language.JAVASCRIPT,
                "while (true) {}"));
        CompletableFuture<io.corral.api.Execution> queued = engine.runAsync(ScriptRequest.of(Language.JAVASCRIPT,
                "console.log(1)"));
        assertTimeoutPreemptively(HANG, engine::close);
        java.util.concurrent.CancellationException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.CancellationException.class, () -> assertTimeoutPreemptively(HANG, () -> queued.join()));
        assertTrue(String.valueOf(e.getCause()).contains("closed before this execution started"), String.valueOf(e.getCause()));
        assertTimeoutPreemptively(HANG, () -> running.join());
    }

    @Test
    void closeStopsAGuestThatWillNotStopAndRecordsItCancelled() throws Exception {
        try (io.corral.engine.egress.RecordingServer server = new io.corral.engine.egress.RecordingServer()) {
            ExecutionEngine engine = ExecutionEngine.newBuilder().languages(Language.PYTHON, Language.JAVASCRIPT)
                    .configuration(io.corral.api.Configuration.RIZA.toBuilder()
                            .defaultExecutionTimeout(Duration.ofSeconds(300)).allowPrivateNetwork(true).build())
                    .build();
            io.corral.api.HttpPolicy http = io.corral.api.HttpPolicy.allow(io.corral.api.HttpAllowRule.of("127.0.0.1"));
            // each guest calls the server once it runs, then spins catching everything
            CompletableFuture<io.corral.api.Execution> python = engine.runAsync(ScriptRequest.newBuilder(Language.PYTHON,
                    "import urllib.request\nurllib.request.urlopen('" + server.url("/python") + "').read()\n"
                            + "while True:\n    try:\n        pass\n    except BaseException:\n        pass").http(http).build());
            CompletableFuture<io.corral.api.Execution> js = engine.runAsync(ScriptRequest.newBuilder(Language.JAVASCRIPT,
                    "(async () => { await fetch('" + server.url("/js") + "'); "
                            + "while (true) { try { for (;;) {} } catch (e) {} } })();").http(http).build());
            long until = System.nanoTime() + HANG.toNanos();
            while (server.received().size() < 2 && System.nanoTime() < until) {
                sleep(50);
            }
            assertEquals(2, server.received().size(), "both guests are running");
            assertTimeoutPreemptively(HANG, engine::close);
            io.corral.api.Execution p = assertTimeoutPreemptively(HANG, () -> python.join());
            io.corral.api.Execution j = assertTimeoutPreemptively(HANG, () -> js.join());
            for (io.corral.api.Execution e : List.of(p, j)) {
                assertEquals(io.corral.api.Outcome.Kind.CANCELLED, e.outcome().kind(), e.toString());
                assertEquals(List.of("execution cancelled"), e.outcome().notes());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
