package io.corral.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.corral.api.Configuration;
import io.corral.api.Language;
import io.corral.server.store.ServerStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.corral.server.RizaClient.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The black-box scenarios of the contract's §13, one test each, against a live server on
 * 127.0.0.1 with real GraalVM languages, through {@link RizaClient} (which behaves on the wire as
 * Riza's SDK). Each scenario sets up what it needs, so they run in any order.
 */
class RizaAcceptanceTest {

    private static ServerStores stores;
    private static CorralServer server;
    private static RizaClient riza;
    private static HttpServer echo;
    private static final List<Map<String, String>> echoed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        stores = TestServers.newStores();
        server = CorralServer.start(TestServers.config()
                .languages(Language.PYTHON, Language.JAVASCRIPT, Language.TYPESCRIPT)
                .configuration(Configuration.RIZA.toBuilder().allowPrivateNetwork(true).build())
                .build(), stores);
        // the first runs would otherwise share two cores with the languages starting
        assertTrue(server.awaitReady(java.time.Duration.ofMinutes(5)), "the languages started");
        riza = RizaClient.newBuilder(server.baseUri(), TestServers.KEY).build();
        echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", exchange -> {
            Map<String, String> seen = new java.util.HashMap<>();
            seen.put("path", exchange.getRequestURI().getPath());
            seen.put("query", String.valueOf(exchange.getRequestURI().getRawQuery()));
            exchange.getRequestHeaders().forEach((k, v) -> seen.put(k.toLowerCase(java.util.Locale.ROOT),
                    String.join(",", v)));
            echoed.add(seen);
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        echo.start();
    }

    @AfterAll
    static void stop() {
        if (echo != null) {
            echo.stop(0);
        }
        if (server != null) {
            server.close();
        }
        if (stores != null) {
            stores.close();
        }
    }

    static ObjectNode obj(Object... keyValues) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            o.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
        }
        return o;
    }

    static String guest(String name) {
        try (InputStream in = RizaAcceptanceTest.class.getResourceAsStream("guest/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test resource guest/" + name, e);
        }
    }

    // 1
    @Test
    void scriptPrintsAndAnswersWithIdAndDuration() {
        JsonNode r = riza.exec(obj("code", "print('hi')", "language", "python"));
        assertEquals(0, r.get("exit_code").asInt(), r.toString());
        assertEquals("hi\n", r.get("stdout").asText());
        assertTrue(r.get("id").isTextual() && !r.get("id").asText().isEmpty(), r.toString());
        assertTrue(r.get("duration").isIntegralNumber() && r.get("duration").asLong() >= 0, r.toString());
        assertEquals(Set.of("id", "exit_code", "stdout", "stderr", "duration"), fieldNames(r));
    }

    // 2
    @Test
    void scriptReversesStdinAndSeesItsEnvironment() {
        JsonNode r = riza.exec(obj("code", guest("reverse_stdin.py"), "language", "python", "stdin", "Hello",
                "env", Map.of("DEBUG", "true")));
        assertEquals("olleH", r.get("stdout").asText(), r.toString());
        assertTrue(r.get("stderr").asText().contains("Reversing string..."), r.toString());
    }

    // 3
    @Test
    void scriptSeesItsArgsAfterTheScriptPathAndReadsItsFiles() {
        JsonNode r = riza.exec(obj("code", guest("args_and_files.py"), "language", "python",
                "args", List.of("a", "b"), "files", List.of(Map.of("path", "d/x.txt", "contents", "42"))));
        String[] lines = r.get("stdout").asText().split("\n");
        assertEquals(0, r.get("exit_code").asInt(), r.toString());
        assertTrue(lines[0].startsWith("/"), "argv[0] is the script's absolute path: " + r);
        assertEquals("['a', 'b']", lines[1]);
        assertEquals("42", lines[2]);
    }

    // 4
    @Test
    void javascriptTypescriptAndUpperCasePythonRun() {
        JsonNode js = riza.exec(obj("code", "console.log(6 * 7)", "language", "javascript"));
        assertEquals("42\n", js.get("stdout").asText(), js.toString());
        JsonNode ts = riza.exec(obj("code", "const n: number = 21;\nconsole.log(n * 2);", "language", "typescript"));
        assertEquals(0, ts.get("exit_code").asInt(), ts.toString());
        assertEquals("42\n", ts.get("stdout").asText());
        JsonNode upper = riza.exec(obj("code", "print('upper')", "language", "PYTHON"));
        assertEquals("upper\n", upper.get("stdout").asText(), upper.toString());
    }

    // 5
    @Test
    void scriptThatRaisesIsAnOkResponseWithNonZeroExitAndTrace() {
        JsonNode r = riza.exec(obj("code", "raise ValueError('boom')", "language", "python"));
        assertNotEquals(0, r.get("exit_code").asInt(), r.toString());
        assertTrue(r.get("stderr").asText().contains("ValueError"), r.toString());
        assertTrue(r.get("stderr").asText().contains("boom"), r.toString());
    }

    // 6
    @Test
    void executionTimeoutStopsAnInfiniteLoop() {
        JsonNode r = riza.exec(obj("code", "while True:\n    pass", "language", "python",
                "limits", Map.of("execution_timeout", 1)));
        assertNotEquals(0, r.get("exit_code").asInt(), r.toString());
        assertTrue(r.get("stderr").asText().contains("time limit"), r.toString());
    }

    // 7
    @Test
    void functionReturnsItsOutputAsValid() {
        JsonNode r = riza.execFunc(obj("code",
                "def execute(input): return { \"name\": input[\"name\"], \"executed\": True }",
                "language", "python", "input", Map.of("name", "John")));
        assertEquals(JSON.valueToTree(Map.of("name", "John", "executed", true)), r.get("output"), r.toString());
        assertEquals("valid", r.get("output_status").asText());
        assertEquals(0, r.get("execution").get("exit_code").asInt());
        assertEquals("", r.get("execution").get("stdout").asText());
        assertTrue(r.get("execution").get("id").isTextual());
    }

    // 8
    @Test
    void functionOutputStatusesFollowRizasRules() {
        JsonNode none = riza.execFunc(obj("code", "def execute(input): return input is None", "language", "python"));
        assertEquals(JSON.getNodeFactory().booleanNode(true), none.get("output"), none.toString());
        JsonNode set = riza.execFunc(obj("code", "def execute(input): return set()", "language", "python"));
        assertEquals("json_serialization_error", set.get("output_status").asText(), set.toString());
        JsonNode raises = riza.execFunc(obj("code", "def execute(input): raise RuntimeError('no')",
                "language", "python"));
        assertEquals("error", raises.get("output_status").asText(), raises.toString());
        assertTrue(raises.get("output").isNull());
        assertNotEquals(0, raises.get("execution").get("exit_code").asInt());
        JsonNode js = riza.execFunc(obj("code", "function execute(input) { return input.x + 1 }",
                "language", "javascript", "input", Map.of("x", 1)));
        assertEquals("valid", js.get("output_status").asText(), js.toString());
        assertEquals(2, js.get("output").asInt());
    }

    // 9
    @Test
    void toolsCreateGetUpdateAndRunEachRevisionWithTheirSchema() {
        ObjectNode schema = obj("type", "object", "properties", Map.of("n", Map.of("type", "integer")),
                "required", List.of("n"));
        JsonNode created = riza.createTool(obj("name", "doubler", "description", "doubles n", "language", "python",
                "code", "def execute(input): return {\"v\": 1, \"n\": input[\"n\"]}", "input_schema", schema));
        String id = created.get("id").asText();
        String v1 = created.get("revision_id").asText();

        JsonNode got = riza.getTool(id);
        assertEquals(created, got);
        assertEquals("doubler", got.get("name").asText());
        assertEquals(schema, got.get("input_schema"));
        assertFalse(v1.isEmpty());

        JsonNode updated = riza.updateTool(id, obj("code",
                "def execute(input): return {\"v\": 2, \"n\": input[\"n\"] * 2}"));
        String v2 = updated.get("revision_id").asText();
        assertNotEquals(v1, v2);
        assertEquals("doubles n", updated.get("description").asText(), "fields not sent stay unchanged");

        JsonNode current = riza.execTool(id, obj("input", Map.of("n", 3)));
        assertEquals(JSON.valueToTree(Map.of("v", 2, "n", 6)), current.get("output"), current.toString());
        JsonNode old = riza.execTool(id, obj("input", Map.of("n", 3), "revision_id", v1));
        assertEquals(JSON.valueToTree(Map.of("v", 1, "n", 3)), old.get("output"), old.toString());

        RizaClient.BadRequestError bad = assertThrows(RizaClient.BadRequestError.class,
                () -> riza.execTool(id, obj("input", Map.of("n", "three"))));
        assertEquals(3, bad.error.get("code").asInt());
        assertTrue(bad.getMessage().startsWith("400 input: "), bad.getMessage());
    }

    // 10
    @Test
    void autoPagerSeesEveryToolOnceAndEndsOnAnEmptyPage() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(riza.createTool(obj("name", "paged-" + i, "language", "javascript",
                    "code", "function execute(input) { return " + i + " }")).get("id").asText());
        }
        RizaClient pager = RizaClient.newBuilder(server.baseUri(), TestServers.KEY).build();
        List<JsonNode> all = pager.listTools(Map.of("limit", "2"));
        List<String> ids = all.stream().map(t -> t.get("id").asText()).toList();
        assertEquals(new HashSet<>(ids).size(), ids.size(), "each tool once: " + ids);
        assertTrue(ids.containsAll(created), ids.toString());
        List<String> sent = pager.sent();
        assertEquals("GET /v1/tools?limit=2&starting_after=" + ids.get(ids.size() - 1), sent.get(sent.size() - 1));
        assertEquals((ids.size() + 1) / 2 + 1, sent.size(), "full pages, then one empty page: " + sent);
    }

    // 11
    @Test
    void secretsAreNeverReturnedAndReachAToolsEnvironment() {
        String value = "s3cr3t-value-for-scenario-11";
        JsonNode secret = riza.createSecret(obj("name", "TOKEN_SECRET", "value", value));
        assertEquals(Set.of("id", "name"), fieldNames(secret));
        List<JsonNode> listed = riza.listSecrets(Map.of());
        assertTrue(listed.stream().anyMatch(s -> s.get("id").equals(secret.get("id"))), listed.toString());
        assertFalse(listed.toString().contains(value));

        JsonNode tool = riza.createTool(obj("name", "env-reader", "language", "python",
                "code", "import os\ndef execute(input): return os.environ.get('TOKEN')"));
        JsonNode r = riza.execTool(tool.get("id").asText(), obj("input", Map.of(),
                "env", List.of(Map.of("name", "TOKEN", "secret_id", secret.get("id").asText()))));
        assertEquals(value, r.get("output").asText(), r.toString());
        JsonNode stored = riza.getExecution(r.get("execution").get("id").asText());
        assertFalse(stored.toString().contains(value), "the stored record has the value scrubbed: " + stored);
    }

    // 12
    @Test
    void egressIsDeniedByDefaultAndCredentialsAreAddedOutsideTheGuest() {
        String base = "http://127.0.0.1:" + echo.getAddress().getPort();

        JsonNode denied = riza.exec(obj("code", guest("egress_probe.py"), "language", "python",
                "args", List.of(base + "/none")));
        assertTrue(denied.get("stdout").asText().startsWith("refused"), denied.toString());
        assertTrue(echoedAt("/none").isEmpty(), "nothing reached the server");

        JsonNode bearer = probe("egress_probe.py", "python", base + "/bearer", "127.0.0.1",
                Map.of("bearer", Map.of("token", "tok-bearer-7f3a")));
        assertEquals("Bearer tok-bearer-7f3a", only(echoedAt("/bearer")).get("authorization"));
        assertFalse(bearer.toString().contains("tok-bearer-7f3a"), "env, argv and files lack the token: " + bearer);

        JsonNode basic = probe("egress_probe.py", "python", base + "/basic", "127.0.0.1",
                Map.of("basic", Map.of("user_id", "alice", "password", "pw-basic-9c1d")));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("alice:pw-basic-9c1d".getBytes(StandardCharsets.UTF_8)),
                only(echoedAt("/basic")).get("authorization"));
        assertFalse(basic.toString().contains("pw-basic-9c1d"), basic.toString());

        JsonNode header = probe("egress_probe.js", "javascript", base + "/header", "127.0.0.1",
                Map.of("header", Map.of("name", "X-Api-Key", "value", "hdr-5b2e")));
        assertEquals("hdr-5b2e", only(echoedAt("/header")).get("x-api-key"));
        assertFalse(header.toString().contains("hdr-5b2e"), header.toString());

        JsonNode query = probe("egress_probe.js", "javascript", base + "/query", "127.0.0.1",
                Map.of("query", Map.of("key", "api_key", "value", "qry-8e4f")));
        assertEquals("api_key=qry-8e4f", only(echoedAt("/query")).get("query"));
        assertFalse(query.toString().contains("qry-8e4f"), query.toString());

        JsonNode apex = probe("egress_probe.py", "python",
                "http://localhost:" + echo.getAddress().getPort() + "/apex", "*.localhost", null);
        assertTrue(apex.get("stdout").asText().startsWith("refused"), "*.localhost does not match localhost: " + apex);
        assertTrue(echoedAt("/apex").isEmpty());
    }

    private JsonNode probe(String program, String language, String url, String host, Map<String, Object> auth) {
        Map<String, Object> rule = new java.util.HashMap<>();
        rule.put("host", host);
        if (auth != null) {
            rule.put("auth", auth);
        }
        JsonNode r = riza.exec(obj("code", guest(program), "language", language, "args", List.of(url),
                "http", Map.of("allow", List.of(rule))));
        assertEquals(0, r.get("exit_code").asInt(), r.toString());
        return r;
    }

    private static List<Map<String, String>> echoedAt(String path) {
        return echoed.stream().filter(m -> path.equals(m.get("path"))).toList();
    }

    private static Map<String, String> only(List<Map<String, String>> requests) {
        assertEquals(1, requests.size(), requests.toString());
        return requests.get(0);
    }

    // 13
    @Test
    void errorsAreSdkClassesWithGrpcBodies() {
        RizaClient.NotFoundError missing = assertThrows(RizaClient.NotFoundError.class, () -> riza.getTool("nope"));
        assertEquals(5, missing.error.get("code").asInt());
        assertTrue(missing.getMessage().startsWith("404 ") && missing.getMessage().contains("nope"),
                missing.getMessage());

        RizaClient wrong = RizaClient.newBuilder(server.baseUri(), "not-a-key").build();
        RizaClient.AuthenticationError unauth = assertThrows(RizaClient.AuthenticationError.class,
                () -> wrong.exec(obj("code", "print(1)", "language", "python")));
        assertEquals(RizaClient.json("{\"code\":16,\"message\":\"unauthenticated\"}"), unauth.error);
        assertEquals("401 unauthenticated", unauth.getMessage());
    }

    // 14
    @Test
    void executionsAreListedWithTheirTypesAndFilteredByExitCode() {
        String code = "console.log('listed')";
        String script = riza.exec(obj("code", code, "language", "javascript")).get("id").asText();
        String failed = riza.exec(obj("code", "process.exit(3)", "language", "javascript")).get("id").asText();
        String function = riza.execFunc(obj("code", "function execute(i) { return 1 }", "language", "javascript"))
                .get("execution").get("id").asText();
        JsonNode tool = riza.createTool(obj("name", "listed-tool", "language", "javascript",
                "code", "function execute(i) { return 2 }"));
        String toolRun = riza.execTool(tool.get("id").asText(), obj()).get("execution").get("id").asText();

        Map<String, JsonNode> byId = new java.util.HashMap<>();
        riza.listExecutions(Map.of()).forEach(e -> byId.put(e.get("id").asText(), e));
        assertEquals("script", byId.get(script).get("details").get("type").asText());
        assertEquals("function", byId.get(function).get("details").get("type").asText());
        assertEquals("tool", byId.get(toolRun).get("details").get("type").asText());
        assertEquals(tool.get("id"), byId.get(toolRun).get("details").get("tool_id"));

        List<JsonNode> failures = riza.listExecutions(Map.of("only_non_zero_exit_codes", "true"));
        List<String> failureIds = failures.stream().map(e -> e.get("id").asText()).toList();
        assertTrue(failureIds.contains(failed), failureIds.toString());
        assertFalse(failureIds.contains(script));
        assertTrue(failures.stream().allMatch(e -> e.get("exit_code").asInt() != 0));

        JsonNode one = riza.getExecution(script);
        assertEquals(code, one.get("details").get("request").get("code").asText());
        assertEquals("javascript", one.get("language").asText());
        assertTrue(one.get("started_at").asText().endsWith("Z"), one.toString());
    }

    // 15
    @Test
    void runtimesAreNotImplementedYetAndARuntimeRevisionIsRefused() {
        RizaClient.APIError create = assertThrows(RizaClient.APIError.class, () -> riza.post("/v1/runtimes",
                obj("name", "rt", "language", "python",
                        "manifest_file", Map.of("name", "requirements.txt", "contents", ""))));
        assertEquals(501, create.status);
        assertEquals(12, create.error.get("code").asInt());
        assertEquals("false", create.header("x-should-retry"));
        for (String path : List.of("/v1/runtimes", "/v1/runtimes/r1", "/v1/runtimes/r1/revisions",
                "/v1/runtimes/r1/revisions/v1")) {
            RizaClient.APIError e = assertThrows(RizaClient.APIError.class, () -> riza.get(path, Map.of()));
            assertEquals(501, e.status, path);
        }
        assertEquals(501, assertThrows(RizaClient.APIError.class, () -> riza.delete("/v1/runtimes/r1")).status);
        assertEquals(501, assertThrows(RizaClient.APIError.class, () -> riza.post("/v1/runtimes/r1/revisions",
                obj("manifest_file", Map.of("name", "requirements.txt", "contents", "")))).status);

        RizaClient.BadRequestError pinned = assertThrows(RizaClient.BadRequestError.class, () -> riza.exec(
                obj("code", "print(1)", "language", "python", "runtime_revision_id", "01JM3JQFH1HW3SKDNEJTJJH740")));
        assertTrue(pinned.getMessage().contains("runtime_revision_id"), pinned.getMessage());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
