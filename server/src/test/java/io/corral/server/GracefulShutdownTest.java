package io.corral.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.Configuration;
import io.corral.api.Language;
import io.corral.server.store.ServerStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.corral.server.RizaAcceptanceTest.guest;
import static io.corral.server.RizaAcceptanceTest.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing with a grace period: while an execution is under way the server stops taking new ones
 * (503, safe to retry elsewhere) and reports not ready; the running one finishes and is answered,
 * and the stores stay open for their owner.
 */
class GracefulShutdownTest {

    private static ServerStores stores;
    private static CorralServer server;
    private static ReleaseGate gate;

    @BeforeAll
    static void start() {
        stores = TestServers.newStores();
        server = CorralServer.start(TestServers.config().languages(Language.JAVASCRIPT)
                .shutdownGrace(Duration.ofMinutes(5))
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

    @Test
    void closeLetsTheRunningExecutionFinishWhileRefusingNewOnes() throws Exception {
        URI base = server.baseUri();
        String auth = "Bearer " + TestServers.KEY;
        CompletableFuture<HttpResponse<String>> running = RawHttp.sendAsync("POST", URI.create(base + "/v1/execute"),
                obj("language", "javascript", "code", guest("wait_for_release.js"), "args", List.of(gate.url()),
                        "http", Map.of("allow", List.of(Map.of("host", "127.0.0.1"))),
                        "limits", Map.of("execution_timeout", 300)).toString(),
                "Authorization", auth);
        RawHttp.awaitInFlight(base, TestServers.KEY, 1);

        assertTrue(server.awaitReady(Duration.ofMinutes(5)));
        HttpResponse<String> ready = RawHttp.send("GET", URI.create(base + "/readyz"), null);
        assertEquals(200, ready.statusCode(), ready.body());

        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        for (int i = 0; i < 1000 && ready.statusCode() == 200; i++) {
            Thread.sleep(10);
            ready = RawHttp.send("GET", URI.create(base + "/readyz"), null);
        }
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(RawHttp.json(ready).get("message").asText().contains("shutting down"), ready.body());

        HttpResponse<String> refused = RawHttp.send("POST", URI.create(base + "/v1/execute"),
                "{\"language\":\"javascript\",\"code\":\"console.log('late')\"}", "Authorization", auth);
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals(14, RawHttp.json(refused).get("code").asInt());
        assertEquals("true", refused.headers().firstValue("x-should-retry").orElse(null));
        assertFalse(closing.isDone(), "close waits for the running execution");

        gate.release();
        HttpResponse<String> finished = running.get();
        assertEquals(200, finished.statusCode(), finished.body());
        JsonNode r = RawHttp.json(finished);
        assertEquals(0, r.get("exit_code").asInt(), r.toString());
        assertEquals("go\n", r.get("stdout").asText());
        closing.get();
        assertTrue(stores.executions().get(r.get("id").asText()).isPresent(), "the stores stay open after close");
    }
}
