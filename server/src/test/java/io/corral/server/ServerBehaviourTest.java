package io.corral.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.Language;
import io.corral.server.auth.ApiKeys;
import io.corral.server.http.AccessLog;
import io.corral.server.store.ServerStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.corral.server.RizaAcceptanceTest.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's HTTP conventions beyond the scenarios: authentication, content types, unknown
 * routes, the path prefix, request limits, retries that must not run code twice, the client's
 * timeout, and the operational endpoints. One server (JavaScript only, under {@code /riza}).
 */
class ServerBehaviourTest {

    private static final long MAX_BODY = 4L * 1024 * 1024;

    private static ServerStores stores;
    private static CorralServer server;
    private static RizaClient riza;
    private static URI base;

    @BeforeAll
    static void start() {
        stores = TestServers.newStores();
        server = CorralServer.start(TestServers.config().languages(Language.JAVASCRIPT).pathPrefix("/riza")
                .maxBodyBytes(MAX_BODY).build(), stores);
        base = server.baseUri();
        riza = RizaClient.newBuilder(base, TestServers.KEY).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (stores != null) {
            stores.close();
        }
    }

    private static URI at(String path) {
        return URI.create(base + path);
    }

    private static String bearer() {
        return "Bearer " + TestServers.KEY;
    }

    @Test
    void missingOrWrongKeyIs401WithGrpcBodyAndASecondKeyIsAccepted() {
        for (String[] headers : new String[][] {{}, {"Authorization", "Bearer wrong"}, {"Authorization",
                TestServers.KEY}, {"Authorization", "Basic " + TestServers.KEY}}) {
            HttpResponse<String> res = RawHttp.send("GET", at("/v1/tools"), null, headers);
            assertEquals(401, res.statusCode(), String.join(" ", headers));
            assertEquals("application/json", res.headers().firstValue("content-type").orElse(""));
            assertEquals(RizaClient.json("{\"code\":16,\"message\":\"unauthenticated\"}"), RawHttp.json(res));
        }
        HttpResponse<String> unknownRoute = RawHttp.send("GET", at("/v1/nope"), null);
        assertEquals(401, unknownRoute.statusCode(), "no key: 401 before any route is looked up");
        HttpResponse<String> other = RawHttp.send("GET", at("/v1/tools"), null,
                "Authorization", "Bearer " + TestServers.OTHER_KEY);
        assertEquals(200, other.statusCode(), other.body());
    }

    @Test
    void curlFormContentTypeIsParsedAsJson() {
        HttpResponse<String> res = RawHttp.send("POST", at("/v1/execute"),
                "{\"language\":\"javascript\",\"code\":\"console.log('form')\"}",
                "Authorization", bearer(), "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(200, res.statusCode(), res.body());
        assertEquals("form\n", RawHttp.json(res).get("stdout").asText());
    }

    @Test
    void legacyAndUnknownFieldsAreAccepted() {
        HttpResponse<String> script = RawHttp.send("POST", at("/v1/execute"), """
                {"language": "JAVASCRIPT", "code": "console.log('legacy')", "allow_http_hosts": ["example.com"],
                 "runtime": null, "revision": "r1", "http": null, "limits": null, "env": null, "files": null,
                 "some_future_field": {"x": 1}}""", "Authorization", bearer());
        assertEquals(200, script.statusCode(), script.body());
        assertEquals("legacy\n", RawHttp.json(script).get("stdout").asText());

        JsonNode tool = riza.createTool(obj("name", "nulls", "description", "kept", "language", "javascript",
                "code", "function execute() { return 1 }"));
        HttpResponse<String> update = RawHttp.send("POST", at("/v1/tools/" + tool.get("id").asText()), """
                {"name": null, "description": null, "code": null, "language": null, "input_schema": null,
                 "runtime_revision_id": null, "unknown": true}""", "Authorization", bearer());
        assertEquals(200, update.statusCode(), update.body());
        assertEquals("kept", RawHttp.json(update).get("description").asText());
        assertEquals(tool.get("code"), RawHttp.json(update).get("code"));
    }

    @Test
    void unknownV1RouteIs404Json() {
        HttpResponse<String> res = RawHttp.send("POST", at("/v1/nope"), "{}", "Authorization", bearer());
        assertEquals(404, res.statusCode());
        assertEquals("application/json", res.headers().firstValue("content-type").orElse(""));
        JsonNode body = RawHttp.json(res);
        assertEquals(5, body.get("code").asInt());
        assertTrue(body.get("message").asText().contains("/riza/v1/nope"), body.toString());
    }

    @Test
    void requestsJettyRefusesBeforeRoutingAreAnsweredInJsonToo() throws Exception {
        for (String request : List.of(
                "GET /riza/v1/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /riza/v1/tools HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n")) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
                socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                String response = new String(socket.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
                String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
                assertTrue(head.startsWith("http/1.1 4"), head);
                assertTrue(head.contains("content-type: application/json"), head);
                JsonNode body = RizaClient.json(response.substring(response.indexOf("\r\n\r\n") + 4));
                assertEquals(3, body.get("code").asInt(), body.toString());
            }
        }
    }

    @Test
    void pathPrefixServesTheApiOnlyUnderIt() {
        assertTrue(base.toString().endsWith("/riza"), base.toString());
        URI root = URI.create("http://127.0.0.1:" + server.port());
        assertEquals(404, RawHttp.send("GET", URI.create(root + "/v1/tools"), null, "Authorization", bearer())
                .statusCode());
        assertEquals(404, RawHttp.send("GET", URI.create(root + "/healthz"), null).statusCode());
        assertEquals(200, RawHttp.send("GET", at("/v1/tools"), null, "Authorization", bearer()).statusCode());
        assertEquals(200, RawHttp.send("GET", at("/healthz"), null).statusCode());
    }

    @Test
    void emptyBodyIsAcceptedWhereEveryFieldIsOptional() {
        JsonNode tool = riza.createTool(obj("name", "empty-body", "language", "javascript",
                "code", "function execute(input) { return input === null }"));
        String id = tool.get("id").asText();
        HttpResponse<String> run = RawHttp.send("POST", at("/v1/tools/" + id + "/execute"), null,
                "Authorization", bearer());
        assertEquals(200, run.statusCode(), run.body());
        assertTrue(RawHttp.json(run).get("output").asBoolean(), run.body());
        HttpResponse<String> update = RawHttp.send("POST", at("/v1/tools/" + id), "", "Authorization", bearer());
        assertEquals(200, update.statusCode(), update.body());
        assertNotEquals(tool.get("revision_id"), RawHttp.json(update).get("revision_id"));
        assertEquals(tool.get("code"), RawHttp.json(update).get("code"));
    }

    @Test
    void toolNamesNeedNotBeUnique() {
        JsonNode a = riza.createTool(obj("name", "twin", "language", "javascript", "code", "function execute() {}"));
        JsonNode b = riza.createTool(obj("name", "twin", "language", "javascript", "code", "function execute() {}"));
        assertNotEquals(a.get("id"), b.get("id"));
    }

    @Test
    void toolExecuteAcceptsAnEnvEntryWithOnlyAName() {
        JsonNode tool = riza.createTool(obj("name", "env-name-only", "language", "javascript",
                "code", "function execute(input) { return process.env.A }"));
        JsonNode r = riza.execTool(tool.get("id").asText(), obj("input", Map.of(), "env", List.of(Map.of("name", "A"))));
        assertEquals("", r.get("output").asText(), r.toString());
    }

    /** Module-level state of a tool with warm instances survives between one key's calls, never across keys. */
    @Test
    void warmInstancesAreNeverSharedBetweenApiKeys() {
        String counter = "let count = 0; function execute(input) { count += 1; return count; }";
        RizaClient other = RizaClient.newBuilder(base, TestServers.OTHER_KEY).build();
        JsonNode tool = riza.createTool(obj("name", "warm-counter", "language", "javascript", "code", counter,
                "warm_instances", true));
        assertTrue(tool.get("warm_instances").asBoolean(), tool.toString());
        assertTrue(riza.getTool(tool.get("id").asText()).get("warm_instances").asBoolean());
        String id = tool.get("id").asText();
        assertEquals(1, riza.execTool(id, obj("input", Map.of())).get("output").asInt());
        assertEquals(2, riza.execTool(id, obj("input", Map.of())).get("output").asInt());
        assertEquals(1, other.execTool(id, obj("input", Map.of())).get("output").asInt(),
                "the other key's call never sees the first key's instance");
        assertEquals(2, other.execTool(id, obj("input", Map.of())).get("output").asInt());
        assertEquals(3, riza.execTool(id, obj("input", Map.of())).get("output").asInt());

        JsonNode function = obj("language", "javascript", "code", counter + " // reusable", "input", Map.of(),
                "reusable", true);
        assertEquals(1, riza.execFunc(function).get("output").asInt());
        assertEquals(2, riza.execFunc(function).get("output").asInt());
        assertEquals(1, other.execFunc(function).get("output").asInt(),
                "reusable function calls of another key start fresh too");

        JsonNode plain = riza.createTool(obj("name", "cold-counter", "language", "javascript", "code", counter));
        assertFalse(plain.has("warm_instances"), "Riza's Tool shape is unchanged for tools without the option");
        assertEquals(1, riza.execTool(plain.get("id").asText(), obj("input", Map.of())).get("output").asInt());
        assertEquals(1, riza.execTool(plain.get("id").asText(), obj("input", Map.of())).get("output").asInt());
    }

    @Test
    void inputBreakingTheSchemaIs400InvalidArgumentBeforeAnythingRuns() {
        JsonNode tool = riza.createTool(obj("name", "typed", "language", "javascript",
                "code", "function execute(input) { return input.n }",
                "input_schema", Map.of("type", "object", "required", List.of("n"),
                        "properties", Map.of("n", Map.of("type", "integer")))));
        RizaClient.BadRequestError e = assertThrows(RizaClient.BadRequestError.class,
                () -> riza.execTool(tool.get("id").asText(), obj("input", Map.of("n", "x"))));
        assertEquals(3, e.error.get("code").asInt());
        assertTrue(e.getMessage().contains("input_schema"), e.getMessage());
        assertEquals("false", e.header("x-should-retry"));
    }

    @Test
    void errorsOfExecuteEndpointsSayDoNotRetry() {
        List<HttpResponse<String>> errors = List.of(
                RawHttp.send("POST", at("/v1/execute"), "{\"language\":\"cobol\",\"code\":\"x\"}", "Authorization", bearer()),
                RawHttp.send("POST", at("/v1/execute"), "not json", "Authorization", bearer()),
                RawHttp.send("POST", at("/v1/execute-function"), "{\"language\":\"javascript\"}", "Authorization", bearer()),
                RawHttp.send("POST", at("/v1/tools/nope/execute"), "{}", "Authorization", bearer()),
                RawHttp.send("POST", at("/v1/execute"), "{}"));
        List<Integer> statuses = new ArrayList<>();
        for (HttpResponse<String> res : errors) {
            statuses.add(res.statusCode());
            assertEquals("false", res.headers().firstValue("x-should-retry").orElse(null), res.body());
            assertEquals("application/json", res.headers().firstValue("content-type").orElse(""));
        }
        assertEquals(List.of(400, 400, 400, 404, 401), statuses);
    }

    @Test
    void requestLimitsAreCheckedBeforeRunning() {
        String code = "//" + "x".repeat(1024 * 1024);
        RizaClient.BadRequestError tooMuchCode = assertThrows(RizaClient.BadRequestError.class,
                () -> riza.exec(obj("language", "javascript", "code", code)));
        assertTrue(tooMuchCode.getMessage().startsWith("400 code: "), tooMuchCode.getMessage());

        String huge = "{\"language\":\"javascript\",\"code\":\"" + "x".repeat((int) MAX_BODY) + "\"}";
        HttpResponse<String> res = RawHttp.send("POST", at("/v1/execute"), huge, "Authorization", bearer());
        assertEquals(413, res.statusCode());
        assertTrue(RawHttp.json(res).get("message").asText().contains(Long.toString(MAX_BODY)), res.body());
        assertEquals("false", res.headers().firstValue("x-should-retry").orElse(null));
    }

    @Test
    void retryOfARunningRequestAttachesToItsExecutionInsteadOfRunningAgain() throws Exception {
        String marker = "ran-" + System.nanoTime();
        String body = RizaAcceptanceTest.obj("language", "javascript",
                "code", "setTimeout(() => console.log('" + marker + "'), 1500)").toString();
        CompletableFuture<HttpResponse<String>> first = RawHttp.sendAsync("POST", at("/v1/execute"), body,
                "Authorization", bearer(), "X-Stainless-Retry-Count", "0", "X-Stainless-Timeout", "60");
        RawHttp.awaitInFlight(base, TestServers.KEY, 1);

        HttpResponse<String> retry = RawHttp.send("POST", at("/v1/execute"), body,
                "Authorization", bearer(), "X-Stainless-Retry-Count", "1", "X-Stainless-Timeout", "60");
        HttpResponse<String> original = first.get();
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals(RawHttp.json(original).get("id"), RawHttp.json(retry).get("id"));
        assertEquals(marker + "\n", RawHttp.json(retry).get("stdout").asText());
        assertEquals(1, runsOf(marker), "the code ran once");
        assertEquals(java.util.Optional.of(ApiKeys.idOf(TestServers.KEY)),
                stores.ledger().apiKeyId(RawHttp.json(original).get("id").asText()), "the ledger names the key");

        HttpResponse<String> otherKey = RawHttp.send("POST", at("/v1/execute"), body,
                "Authorization", "Bearer " + TestServers.OTHER_KEY, "X-Stainless-Retry-Count", "1");
        HttpResponse<String> fresh = RawHttp.send("POST", at("/v1/execute"), body,
                "Authorization", bearer(), "X-Stainless-Retry-Count", "0");
        assertNotEquals(RawHttp.json(original).get("id"), RawHttp.json(otherKey).get("id"),
                "another key's retry is not the same request");
        assertNotEquals(RawHttp.json(original).get("id"), RawHttp.json(fresh).get("id"),
                "a first attempt always runs, even with the same body");
        assertEquals(3, runsOf(marker));
    }

    private static long runsOf(String marker) {
        return riza.listExecutions(Map.of()).stream()
                .filter(e -> e.get("details").get("request").get("code").asText().contains(marker)).count();
    }

    @Test
    void clientTimeoutCancelsTheExecutionAndAnswersWithItsRecord() {
        HttpResponse<String> res = RawHttp.send("POST", at("/v1/execute"),
                "{\"language\":\"javascript\",\"code\":\"setTimeout(() => console.log('late'), 600000)\"}",
                "Authorization", bearer(), "X-Stainless-Timeout", "2");
        assertEquals(200, res.statusCode(), res.body());
        JsonNode r = RawHttp.json(res);
        assertEquals(125, r.get("exit_code").asInt(), r.toString());
        assertTrue(r.get("stderr").asText().contains("cancelled"), r.toString());
        assertEquals("cancelled", riza.getExecution(r.get("id").asText()).get("outcome").get("kind").asText());
    }

    @Test
    void openApiDocumentDescribesAll18Operations() {
        HttpResponse<String> res = RawHttp.send("GET", at("/openapi.json"), null);
        assertEquals(200, res.statusCode());
        JsonNode doc = RawHttp.json(res);
        List<String> operations = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (!m.equals("parameters")) {
                operations.add(m.toUpperCase() + " " + p.getKey());
            }
        }));
        assertEquals(18, operations.size(), operations.toString());
        assertTrue(operations.containsAll(List.of("POST /v1/execute", "POST /v1/execute-function", "POST /v1/tools",
                "POST /v1/tools/{id}", "GET /v1/tools", "GET /v1/tools/{id}", "POST /v1/tools/{id}/execute",
                "POST /v1/secrets", "GET /v1/secrets", "POST /v1/runtimes", "GET /v1/runtimes",
                "GET /v1/runtimes/{id}", "DELETE /v1/runtimes/{id}", "POST /v1/runtimes/{id}/revisions",
                "GET /v1/runtimes/{id}/revisions", "GET /v1/runtimes/{runtime_id}/revisions/{revision_id}",
                "GET /v1/executions", "GET /v1/executions/{id}")), operations.toString());
        assertEquals("/riza", doc.get("servers").get(0).get("url").asText());
    }

    @Test
    void healthzIsUpAndReadyzIsReadyOnceTheLanguagesStarted() {
        HttpResponse<String> health = RawHttp.send("GET", at("/healthz"), null);
        assertEquals(200, health.statusCode());
        assertEquals("ok", RawHttp.json(health).get("status").asText());
        assertTrue(server.awaitReady(java.time.Duration.ofMinutes(5)));
        HttpResponse<String> ready = RawHttp.send("GET", at("/readyz"), null);
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("ready", RawHttp.json(ready).get("status").asText());
    }

    @Test
    void metricsCountExecutionsByLanguageAndOutcomeBehindTheKey() {
        riza.exec(obj("language", "javascript", "code", "console.log(1)"));
        riza.exec(obj("language", "javascript", "code", "throw new Error('x')"));
        assertEquals(401, RawHttp.send("GET", at("/metrics"), null).statusCode());
        HttpResponse<String> res = RawHttp.send("GET", at("/metrics"), null, "Authorization", bearer());
        assertEquals(200, res.statusCode());
        String text = res.body();
        assertTrue(text.contains("corral_executions_total{language=\"javascript\",outcome=\"completed\",type=\"script\"}"),
                text);
        assertTrue(text.contains("corral_executions_total{language=\"javascript\",outcome=\"guest_error\",type=\"script\"}"),
                text);
        assertTrue(text.contains("corral_execution_duration_seconds_bucket{language=\"javascript\""), text);
        assertTrue(text.contains("corral_egress_requests_total{language=\"javascript\"}"), text);
        assertTrue(text.contains("corral_engine_workers "), text);
        assertTrue(text.contains("corral_engine_queue_depth "), text);
        // the two executions above took contexts from the pool or made their own: one or the other counted
        java.util.regex.Matcher hits = java.util.regex.Pattern.compile(
                "corral_pool_hits_total\\{language=\"javascript\"} (\\S+)").matcher(text);
        java.util.regex.Matcher misses = java.util.regex.Pattern.compile(
                "corral_pool_misses_total\\{language=\"javascript\"} (\\S+)").matcher(text);
        assertTrue(hits.find() && misses.find(), text);
        assertTrue(Double.parseDouble(hits.group(1)) + Double.parseDouble(misses.group(1)) >= 2, text);
        assertTrue(text.contains("corral_pool_contexts_ready{language=\"javascript\"}"), text);
        assertTrue(text.contains("corral_pool_context_creation_mean_seconds{language=\"javascript\"}"), text);
        assertTrue(text.contains("corral_http_requests_seconds_count{method=\"POST\",route=\"/v1/execute\""), text);
    }

    /**
     * The server's pools adapt (1 to the concurrency by default): bursts of as many executions as
     * run at once find the pool short, and it grows to keep that many ready, as /metrics shows (a
     * fixed pool of one, the engine's default, would stay at 1).
     */
    @Test
    void aBurstGrowsTheContextPoolToTheConcurrencyAndMetricsShowItsTarget() throws Exception {
        int concurrency = server.config().concurrency();
        assertTrue(concurrency >= 2, "the default concurrency is at least 2");
        java.util.regex.Pattern targetLine = java.util.regex.Pattern.compile(
                "corral_pool_contexts_target\\{language=\"javascript\"} (\\S+)");
        double target = 0;
        try (java.util.concurrent.ExecutorService burst = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < 20 && target < concurrency; round++) {
                List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
                for (int i = 0; i < concurrency * 2; i++) {
                    int n = round * 100 + i;
                    runs.add(burst.submit(() -> riza.exec(obj("language", "javascript", "code", "console.log(" + n + ")"))));
                }
                for (java.util.concurrent.Future<?> r : runs) {
                    r.get();
                }
                String text = RawHttp.send("GET", at("/metrics"), null, "Authorization", bearer()).body();
                java.util.regex.Matcher m = targetLine.matcher(text);
                assertTrue(m.find(), text);
                target = Double.parseDouble(m.group(1));
            }
        }
        assertEquals(concurrency, (int) target, "the pool's target after bursts of " + concurrency * 2);
    }

    @Test
    void accessLogHasOneLinePerRequestWithoutKeyBodyOrQuerySecrets() throws InterruptedException {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(AccessLog.LOGGER_NAME);
        log.addHandler(capture);
        try {
            String marker = "body-marker-" + System.nanoTime();
            riza.exec(obj("language", "javascript", "code", "console.log('" + marker + "')",
                    "env", Map.of("SECRET", marker)));
            RawHttp.send("GET", at("/v1/tools?limit=1&token=hunter2"), null, "Authorization", bearer());
            String keyId = ApiKeys.idOf(TestServers.KEY);
            String execLine = awaitLine(lines, "POST /riza/v1/execute 200 ");
            assertTrue(execLine.endsWith(" " + keyId), execLine);
            String listLine = awaitLine(lines, "GET /riza/v1/tools?limit=1&token=... 200 ");
            assertTrue(listLine.endsWith(" " + keyId), listLine);
            for (String line : lines) {
                assertFalse(line.contains(TestServers.KEY), line);
                assertFalse(line.contains(marker), line);
                assertFalse(line.contains("hunter2"), line);
            }
        } finally {
            log.removeHandler(capture);
        }
    }

    /** The access line is written as the request ends, which may be just after the client has its answer. */
    private static String awaitLine(List<String> lines, String start) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            for (String line : lines) {
                if (line.startsWith(start)) {
                    return line;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no access log line starts with '" + start + "': " + lines);
    }
}
