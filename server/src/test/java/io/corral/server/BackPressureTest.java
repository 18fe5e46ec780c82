package io.corral.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.Configuration;
import io.corral.api.Language;
import io.corral.server.store.ServerStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.corral.server.RizaAcceptanceTest.guest;
import static io.corral.server.RizaAcceptanceTest.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One worker and a queue of one, with no shutdown grace: the third execution is refused with 429
 * and {@code Retry-After}; closing the server cancels the two still under way, and their requests
 * get their cancelled records. The two guests wait on a {@link ReleaseGate} that never opens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackPressureTest {

    private static ServerStores stores;
    private static CorralServer server;
    private static ReleaseGate gate;
    private static CompletableFuture<HttpResponse<String>> running;
    private static CompletableFuture<HttpResponse<String>> queued;

    @BeforeAll
    static void start() {
        stores = TestServers.newStores();
        server = CorralServer.start(TestServers.config().languages(Language.JAVASCRIPT).concurrency(1).queueCapacity(1)
                .shutdownGrace(Duration.ZERO)
                .configuration(Configuration.RIZA.toBuilder().allowPrivateNetwork(true)
                        .httpRequestTimeout(Duration.ofMinutes(5)).build())
                .build(), stores);
        gate = new ReleaseGate();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (gate != null) {
            gate.close();
        }
        if (stores != null) {
            stores.close();
        }
    }

    private static String waitingScript() {
        return obj("language", "javascript", "code", guest("wait_for_release.js"), "args", List.of(gate.url()),
                "http", Map.of("allow", List.of(Map.of("host", "127.0.0.1"))),
                "limits", Map.of("execution_timeout", 300)).toString();
    }

    private static CompletableFuture<HttpResponse<String>> submit() {
        return RawHttp.sendAsync("POST", URI.create(server.baseUri() + "/v1/execute"), waitingScript(),
                "Authorization", "Bearer " + TestServers.KEY);
    }

    @Test
    @Order(1)
    void aFullQueueAnswers429WithRetryAfterAndNothingRuns() {
        running = submit();
        queued = submit();
        RawHttp.awaitInFlight(server.baseUri(), TestServers.KEY, 2);

        RizaClient once = RizaClient.newBuilder(server.baseUri(), TestServers.KEY).maxRetries(0).build();
        RizaClient.RateLimitError e = assertThrows(RizaClient.RateLimitError.class,
                () -> once.exec(obj("language", "javascript", "code", "console.log('third')")));
        assertEquals(8, e.error.get("code").asInt());
        assertEquals("1", e.header("retry-after"));
        assertEquals("true", e.header("x-should-retry"), "nothing ran: retrying is safe");
        assertTrue(once.listExecutions(Map.of()).stream()
                .noneMatch(x -> x.get("details").get("request").get("code").asText().contains("third")));
    }

    @Test
    @Order(2)
    void closeCancelsExecutionsStillRunningAfterTheGraceAndAnswersTheirRequests() throws Exception {
        // the running guest is blocked in its HTTP call (host code that closing its context cannot
        // interrupt): its cancellation must end the call, or neither request gets its record in time
        gate.awaitArrivals(1, Duration.ofSeconds(60));
        server.close();
        for (CompletableFuture<HttpResponse<String>> f : List.of(running, queued)) {
            HttpResponse<String> res = f.get();
            assertEquals(200, res.statusCode(), res.body());
            JsonNode r = RawHttp.json(res);
            assertEquals(125, r.get("exit_code").asInt(), r.toString());
            assertTrue(stores.executions().get(r.get("id").asText()).isPresent(), "the record is stored");
        }
    }
}
