package io.corral.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.Language;
import io.corral.server.store.ServerStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.corral.server.RizaAcceptanceTest.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Riza's cursor as the SDK's auto-pager walks it (§1.3): three items with {@code limit=2} are
 * requested as {@code ?limit=2}, {@code ?limit=2&starting_after=<2nd>},
 * {@code ?limit=2&starting_after=<3rd>}, and the last page is empty. A server of its own, so the
 * lists hold exactly what each test created.
 */
class CursorPaginationTest {

    private static ServerStores stores;
    private static CorralServer server;
    private static RizaClient riza;

    @BeforeAll
    static void start() {
        stores = TestServers.newStores();
        server = CorralServer.start(TestServers.config().languages(Language.JAVASCRIPT).build(), stores);
        riza = RizaClient.newBuilder(server.baseUri(), TestServers.KEY).build();
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

    @Test
    void threeToolsWithLimitTwoAreSeenOnceEachAndEndOnAnEmptyPage() {
        List<String> ids = create(i -> riza.createTool(obj("name", "tool-" + i, "language", "javascript",
                "code", "function execute() { return " + i + " }")).get("id").asText());
        RizaClient pager = RizaClient.newBuilder(server.baseUri(), TestServers.KEY).build();
        assertWalk(ids, pager.listTools(Map.of("limit", "2")), pager, "/v1/tools");
    }

    @Test
    void threeSecretsWithLimitTwoAreSeenOnceEachAndEndOnAnEmptyPage() {
        List<String> ids = create(i -> riza.createSecret(obj("name", "secret-" + i, "value", "v" + i))
                .get("id").asText());
        RizaClient pager = RizaClient.newBuilder(server.baseUri(), TestServers.KEY).build();
        assertWalk(ids, pager.listSecrets(Map.of("limit", "2")), pager, "/v1/secrets");
    }

    @Test
    void threeExecutionsWithLimitTwoAreSeenOnceEachAndEndOnAnEmptyPage() {
        List<String> ids = create(i -> riza.exec(obj("language", "javascript", "code", "console.log(" + i + ")"))
                .get("id").asText());
        RizaClient pager = RizaClient.newBuilder(server.baseUri(), TestServers.KEY).build();
        List<JsonNode> all = pager.listExecutions(Map.of("limit", "2"));
        // the other tests' runs are executions too: keep this test's own
        List<JsonNode> mine = all.stream().filter(e -> ids.contains(e.get("id").asText())).toList();
        assertEquals(ids, mine.stream().map(e -> e.get("id").asText()).toList(), "ascending id order");
        assertEquals(new HashSet<>(all).size(), all.size(), "each execution once");
        assertTrue(pager.sent().get(pager.sent().size() - 1)
                .endsWith("starting_after=" + all.get(all.size() - 1).get("id").asText()));
    }

    @Test
    void limitAboveTheMaximumIsServedAsTheMaximumAndAnUnknownCursorIsAnEmptyPage() {
        URI base = server.baseUri();
        String auth = "Bearer " + TestServers.KEY;
        HttpResponse<String> big = RawHttp.send("GET", URI.create(base + "/v1/tools?limit=1000"), null,
                "Authorization", auth);
        assertEquals(200, big.statusCode(), big.body());
        HttpResponse<String> unknown = RawHttp.send("GET", URI.create(base + "/v1/tools?starting_after=zzz-not-an-id"),
                null, "Authorization", auth);
        assertEquals(200, unknown.statusCode(), unknown.body());
        assertEquals(0, RawHttp.json(unknown).get("tools").size());
        for (String bad : List.of("limit=0", "limit=two", "only_non_zero_exit_codes=maybe")) {
            HttpResponse<String> res = RawHttp.send("GET", URI.create(base + "/v1/executions?" + bad), null,
                    "Authorization", auth);
            assertEquals(400, res.statusCode(), bad);
            assertTrue(RawHttp.json(res).get("message").asText().startsWith(bad.substring(0, bad.indexOf('=')) + ":"),
                    res.body());
        }
    }

    private static List<String> create(Function<Integer, String> make) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(make.apply(i));
        }
        return ids;
    }

    private static void assertWalk(List<String> created, List<JsonNode> seen, RizaClient pager, String path) {
        assertEquals(created, seen.stream().map(t -> t.get("id").asText()).toList(), "exactly the 3, in id order");
        assertEquals(List.of("GET " + path + "?limit=2",
                "GET " + path + "?limit=2&starting_after=" + created.get(1),
                "GET " + path + "?limit=2&starting_after=" + created.get(2)), pager.sent());
    }
}
