package io.corral.server.store;

import io.corral.api.Execution;
import io.corral.api.ExecResult;
import io.corral.api.ExecutionDetails;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.history.InMemoryExecutionStore;
import io.corral.engine.spi.ExecutionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlExecutionStoreTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;
    private final SecretKeyRing keys = SecretKeyRing.of(Samples.randomKey());
    private SqlServerStores stores;
    private SqlExecutionStore executions;

    @BeforeEach
    void open() {
        stores = SqlServerStores.open(dir, keys);
        executions = stores.executions();
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void everyTypeRoundTripsThroughTheDatabaseFieldForField() {
        List<Execution> all = List.of(Samples.script(Samples.id(1)), Samples.function(Samples.id(2)),
                Samples.functionWithoutInput(Samples.id(3)), Samples.tool(Samples.id(4)));
        all.forEach(executions::record);
        for (Execution e : all) {
            assertEquals(e, executions.get(e.id()).orElseThrow(), e.type().wireName());
        }
        assertEquals(all, executions.list(null, 10, false));
    }

    @Test
    void unpairedSurrogatesSurviveTheDatabase() {
        String odd = "a\uD800b";
        Execution e = Execution.newBuilder(Samples.id(1), Language.JAVASCRIPT).startedAt(T0)
                .details(ExecutionDetails.script(ScriptRequest.of(Language.JAVASCRIPT, odd),
                        ExecResult.newBuilder(Samples.id(1)).stdout(odd).build()))
                .build();
        executions.record(e);
        assertEquals(e, executions.get(e.id()).orElseThrow());
    }

    @Test
    void indexedColumnsHoldTheRecordsFacts() throws Exception {
        Execution e = Samples.tool(Samples.id(7));
        executions.record(e);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stores.databaseFile());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, language, type, exit_code, started_at FROM executions")) {
            assertTrue(rs.next());
            assertEquals(e.id(), rs.getString(1));
            assertEquals("typescript", rs.getString(2));
            assertEquals("tool", rs.getString(3));
            assertEquals(3, rs.getInt(4));
            assertEquals(Database.epochNanos(e.startedAt()), rs.getLong(5));
            assertEquals(e.startedAt(), Database.fromEpochNanos(rs.getLong(5)));
        }
    }

    @Test
    void storedRecordsNeverHoldLiteralHttpCredentials() throws Exception {
        executions.record(Samples.script(Samples.id(1)));
        executions.record(Samples.function(Samples.id(2)));
        String raw;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stores.databaseFile());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT group_concat(record_json) FROM executions")) {
            rs.next();
            raw = rs.getString(1);
        }
        for (String credential : List.of(Samples.BEARER_TOKEN, Samples.BASIC_PASSWORD, Samples.HEADER_VALUE,
                Samples.QUERY_VALUE)) {
            assertFalse(raw.contains(credential), credential + " is in the executions table in clear");
        }
        assertEquals(Samples.script(Samples.id(1)), executions.get(Samples.id(1)).orElseThrow(),
                "and they still read back exactly");
    }

    @Test
    void recordingAnIdAgainReplacesTheRecordAsTheInMemoryStoreDoes() {
        executions.record(Samples.simple(Samples.id(1), 0, T0));
        Execution again = Samples.simple(Samples.id(1), 5, T0.plusSeconds(1));
        executions.record(again);
        assertEquals(List.of(again), executions.list(null, 10, false));
        assertEquals(List.of(again), executions.list(null, 10, true), "the indexed exit code moved with it");
    }

    @Test
    void getOfAnUnknownOrNullIdIsEmpty() {
        assertTrue(executions.get("nope").isEmpty());
        assertTrue(executions.get(null).isEmpty());
    }

    @Test
    void listWalksCursorAscendingFilteredByExitCodeUntilAnEmptyPage() {
        int[] exitCodes = {0, 1, 0, 124, 0, 3, 0};
        for (int i = exitCodes.length; i >= 1; i--) {
            executions.record(Samples.simple(Samples.id(i), exitCodes[i - 1], T0.plusSeconds(i)));
        }
        assertEquals(List.of(List.of(Samples.id(2), Samples.id(4)), List.of(Samples.id(6)), List.of()),
                walk(2, true));
        assertEquals(7, walk(3, false).stream().mapToInt(List::size).sum());
        assertEquals(List.of(Samples.id(1), Samples.id(2), Samples.id(3)),
                walk(3, false).getFirst(), "ascending id, whatever the insertion order");
    }

    private List<List<String>> walk(int limit, boolean failuresOnly) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        while (true) {
            List<String> page = executions.list(cursor, limit, failuresOnly).stream().map(Execution::id).toList();
            pages.add(page);
            if (page.isEmpty()) {
                return pages;
            }
            cursor = page.getLast();
        }
    }

    @Test
    void unknownOrExhaustedCursorGivesAnEmptyList() {
        executions.record(Samples.simple(Samples.id(1), 0, T0));
        assertEquals(List.of(), executions.list(Samples.id(1), 10, false));
        assertEquals(List.of(), executions.list("~beyond every id", 10, false));
        assertEquals(List.of(), executions.list(null, 0, false));
        assertEquals(List.of(), executions.list(null, -1, false));
    }

    @Test
    void pruneMatchesTheInMemoryStore() {
        for (int maxCount : new int[] {0, 1, 3, 5, 10}) {
            for (Instant before : new Instant[] {null, T0.plusSeconds(3), T0.plusSeconds(3).plusNanos(1), Instant.MAX,
                    Instant.MIN}) {
                SqlExecutionStore sql = stores.executions();
                sql.prune(0, null);
                InMemoryExecutionStore memory = new InMemoryExecutionStore();
                for (int i = 1; i <= 6; i++) {
                    // start times out of id order: age pruning must not just follow ids
                    Execution e = Samples.simple(Samples.id(i), 0, T0.plusSeconds(i % 2 == 0 ? i : 7 - i));
                    sql.record(e);
                    memory.record(e);
                }
                sql.prune(maxCount, before);
                memory.prune(maxCount, before);
                assertEquals(ids(memory), ids(sql), "maxCount " + maxCount + ", startedBefore " + before);
            }
        }
    }

    @Test
    void pruneAtTheNanosecondBoundaryKeepsTheExecutionStartedExactlyThen() {
        Instant t = T0.plusNanos(123_456_789);
        executions.record(Samples.simple(Samples.id(1), 0, t.minusNanos(1)));
        executions.record(Samples.simple(Samples.id(2), 0, t));
        executions.prune(100, t);
        assertEquals(List.of(Samples.id(2)), ids(executions));
    }

    @Test
    void pruneAlsoDropsTheLedgerRowsOfPrunedExecutions() {
        SqlRequestLedger ledger = stores.ledger();
        for (int i = 1; i <= 3; i++) {
            ledger.started(Samples.id(i), "key", "hash" + i, T0.plusSeconds(i));
            executions.record(Samples.simple(Samples.id(i), 0, T0.plusSeconds(i)));
        }
        executions.prune(2, null);
        assertTrue(ledger.apiKeyId(Samples.id(1)).isEmpty());
        assertEquals("key", ledger.apiKeyId(Samples.id(2)).orElseThrow());
        executions.prune(10, T0.plusSeconds(3));
        assertTrue(ledger.apiKeyId(Samples.id(2)).isEmpty());
        assertEquals(Samples.id(3), ledger.find("key", "hash3", T0).orElseThrow());
    }

    private static List<String> ids(ExecutionStore store) {
        return store.list(null, 1000, false).stream().map(Execution::id).toList();
    }
}
