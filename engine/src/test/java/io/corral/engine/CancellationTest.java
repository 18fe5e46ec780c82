package io.corral.engine;

import io.corral.api.Configuration;
import io.corral.api.Execution;
import io.corral.api.HttpAllowRule;
import io.corral.api.HttpPolicy;
import io.corral.api.Language;
import io.corral.api.Outcome;
import io.corral.api.ScriptRequest;
import io.corral.engine.egress.RecordingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cancelled execution is recorded promptly wherever it is: blocked in an HTTP call (host code
 * that closing its context cannot interrupt), or still waiting in the queue behind a worker that
 * stays busy. Every guest here would otherwise run for minutes; the bounds only detect that.
 */
class CancellationTest {

    /** Far below what the guests would take without the cancellation reaching them. */
    private static final Duration PROMPTLY = Duration.ofSeconds(20);

    private static RecordingServer server;
    private static ExecutionEngine engine;

    @BeforeAll
    static void start() {
        server = new RecordingServer();
        engine = ExecutionEngine.newBuilder().languages(Language.JAVASCRIPT, Language.PYTHON).concurrency(1)
                .queueCapacity(4)
                .configuration(Configuration.RIZA.toBuilder().defaultExecutionTimeout(Duration.ofSeconds(300))
                        .httpRequestTimeout(Duration.ofMinutes(5)).allowPrivateNetwork(true).build())
                .build();
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static final HttpPolicy LOCAL = HttpPolicy.allow(HttpAllowRule.of("127.0.0.1"));

    /** A call to the server that answers after 4 minutes; {@code who} tells the calls apart. */
    private static String callThatTakesMinutes(Language lang, String who) {
        String url = server.url("/slow?ms=240000&who=" + who);
        return lang == Language.PYTHON
                ? "import urllib.request\nprint(urllib.request.urlopen('" + url + "').read())"
                : "fetch('" + url + "').then((r) => r.text()).then((t) => console.log(t));";
    }

    private static void awaitRequest(String who) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (server.received().stream().noneMatch(r -> r.pathAndQuery().endsWith("&who=" + who))) {
            assertTrue(System.nanoTime() < until, "the guest never made its call " + who);
            Thread.sleep(20);
        }
    }

    private static Execution awaitRecord(String id, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            Execution e = engine.findExecution(id).orElse(null);
            if (e != null) {
                return e;
            }
            Thread.sleep(20);
        }
        return null;
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JAVASCRIPT", "PYTHON"})
    void cancellingAGuestBlockedInAnHttpCallEndsTheCallAndRecordsItCancelled(Language lang) throws Exception {
        String path = lang.wireName();
        ExecutionFuture run = engine.runAsync(ScriptRequest.newBuilder(lang, callThatTakesMinutes(lang, path))
                .http(LOCAL).build());
        awaitRequest(path);
        Thread.sleep(200); // the host is in its socket read by now

        assertTrue(run.cancel(true));
        Execution recorded = awaitRecord(run.id(), PROMPTLY);

        assertNotNull(recorded, "the cancelled execution was not recorded within " + PROMPTLY
                + ": its HTTP call was not ended");
        assertEquals(Outcome.Kind.CANCELLED, recorded.outcome().kind(), recorded.toString());
        assertEquals(Outcome.CANCELLED_STATUS, recorded.exitCode());
    }

    @Test
    void aRunCancelledInTheQueueIsRecordedAtOnceWhileTheWorkerStaysBusy() throws Exception {
        String path = "busy";
        ExecutionFuture busy = engine.runAsync(ScriptRequest.newBuilder(Language.JAVASCRIPT,
                callThatTakesMinutes(Language.JAVASCRIPT, path)).http(LOCAL).build());
        ExecutionFuture queued = engine.runAsync(ScriptRequest.of(Language.JAVASCRIPT, "console.log('never')"));
        awaitRequest(path); // the only worker is taken, and stays so

        assertTrue(queued.cancel(true));
        Execution recorded = awaitRecord(queued.id(), Duration.ofSeconds(5));

        assertNotNull(recorded, "a run cancelled in the queue waited for the busy worker to be recorded");
        assertEquals(Outcome.Kind.CANCELLED, recorded.outcome().kind(), recorded.toString());
        assertEquals("", recorded.scriptResult().stdout(), "it never ran");
        assertTrue(queued.isCancelled());
        assertThrows(CancellationException.class, queued::join);
        assertFalse(busy.isDone(), "the run ahead of it was left alone");

        busy.cancel(true);
        assertNotNull(awaitRecord(busy.id(), PROMPTLY));
        // the worker skips the cancelled run: it is recorded once, and the engine goes on serving
        Execution next = engine.run(ScriptRequest.of(Language.JAVASCRIPT, "console.log('next')"));
        assertEquals("next\n", next.scriptResult().stdout());
        assertEquals(1, engine.listExecutions(io.corral.api.PageRequest.FIRST).items().stream()
                .filter(e -> e.id().equals(queued.id())).count());
    }
}
