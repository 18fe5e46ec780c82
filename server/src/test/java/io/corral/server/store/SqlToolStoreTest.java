package io.corral.server.store;

import io.corral.api.Tool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlToolStoreTest {

    @TempDir
    Path dir;
    private final SecretKeyRing keys = SecretKeyRing.of(Samples.randomKey());
    private SqlServerStores stores;
    private SqlToolStore tools;

    @BeforeEach
    void open() {
        stores = SqlServerStores.open(dir, keys);
        tools = stores.tools();
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void insertedToolReadsBackWithEveryFieldExact() {
        Tool t = Samples.tool("T1", "R1", "inc");
        tools.insert(t);
        Tool back = tools.current("T1").orElseThrow();
        assertEquals(t, back);
        assertEquals(t.inputSchemaJson(), back.inputSchemaJson(), "schema text kept byte for byte, spacing included");
        assertEquals(t.description(), back.description());
    }

    @Test
    void theWarmInstancesOptInIsKeptPerRevision() {
        Tool v1 = Samples.tool("T1", "R1", "inc").toBuilder("R1").warmInstances(true).build();
        tools.insert(v1);
        Tool v2 = v1.toBuilder("R2").warmInstances(false).build();
        assertTrue(tools.replace(v2, "R1"));
        assertTrue(tools.revision("T1", "R1").orElseThrow().warmInstances());
        assertFalse(tools.current("T1").orElseThrow().warmInstances());
        assertEquals(v1, tools.revision("T1", "R1").orElseThrow());
    }

    @Test
    void defaultsOfAToolWithoutDescriptionOrSchemaRoundTrip() {
        Tool t = Tool.newBuilder("T1", "R1").name("bare").code("def execute(i): pass")
                .language(io.corral.api.Language.JAVASCRIPT).build();
        tools.insert(t);
        Tool back = tools.current("T1").orElseThrow();
        assertEquals(t, back);
        assertEquals("", back.description());
        assertEquals(Tool.ANY_INPUT, back.inputSchemaJson());
    }

    @Test
    void duplicateToolNamesAreAllowed() {
        tools.insert(Samples.tool("T1", "R1", "same"));
        tools.insert(Samples.tool("T2", "R2", "same"));
        assertTrue(tools.replace(Samples.tool("T2", "R3", "same"), "R2"));
        assertEquals(List.of("same", "same"), tools.list(null, 10).stream().map(Tool::name).toList());
    }

    @Test
    void insertingAnExistingToolIdFailsAndKeepsTheFirst() {
        Tool first = Samples.tool("T1", "R1", "first");
        tools.insert(first);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> tools.insert(Samples.tool("T1", "R9", "second")));
        assertTrue(e.getMessage().contains("T1"), e.getMessage());
        assertEquals(first, tools.current("T1").orElseThrow());
        assertTrue(tools.revision("T1", "R9").isEmpty(), "the failed insert left no revision behind");
    }

    @Test
    void replaceMovesTheCurrentRevisionAndKeepsOldOnesReadable() {
        Tool v1 = Samples.tool("T1", "R1", "inc");
        tools.insert(v1);
        Tool v2 = v1.toBuilder("R2").name("inc2").code("def execute(i): return 2").inputSchemaJson("{\"type\":\"array\"}").build();
        assertTrue(tools.replace(v2, "R1"));
        assertEquals(v2, tools.current("T1").orElseThrow());
        assertEquals(v1, tools.revision("T1", "R1").orElseThrow());
        assertEquals(v2, tools.revision("T1", "R2").orElseThrow());
    }

    @Test
    void replaceWithAStaleRevisionReturnsFalseAndChangesNothing() {
        Tool v1 = Samples.tool("T1", "R1", "inc");
        tools.insert(v1);
        Tool v2 = v1.toBuilder("R2").description("second").build();
        assertTrue(tools.replace(v2, "R1"));
        Tool lost = v1.toBuilder("R3").description("based on R1, too late").build();
        assertFalse(tools.replace(lost, "R1"));
        assertEquals(v2, tools.current("T1").orElseThrow());
        assertTrue(tools.revision("T1", "R3").isEmpty(), "the losing revision was not stored");
    }

    @Test
    void replaceOfAnUnknownToolReturnsFalse() {
        assertFalse(tools.replace(Samples.tool("NOPE", "R1", "x"), "R0"));
        assertTrue(tools.current("NOPE").isEmpty());
        assertTrue(tools.revision("NOPE", "R1").isEmpty());
    }

    @Test
    void concurrentReplacesFromOneRevisionLetExactlyOneWin() throws Exception {
        Tool v1 = Samples.tool("T1", "R1", "inc");
        tools.insert(v1);
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Tool next = v1.toBuilder("R-" + i).description("writer " + i).build();
                done.add(pool.submit(() -> {
                    start.await();
                    if (tools.replace(next, "R1")) {
                        wins.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, wins.get());
    }

    @Test
    void revisionOfAnotherToolIsNotFound() {
        tools.insert(Samples.tool("T1", "R1", "a"));
        tools.insert(Samples.tool("T2", "R2", "b"));
        assertTrue(tools.revision("T2", "R1").isEmpty());
        assertTrue(tools.revision("T1", null).isEmpty());
        assertTrue(tools.current(null).isEmpty());
    }

    @Test
    void listWalksCursorAscendingUntilAnEmptyPage() {
        // inserted out of order: the listing sorts by id
        for (String id : List.of("T3", "T1", "T5", "T2", "T4")) {
            tools.insert(Samples.tool(id, "R" + id, "tool " + id));
        }
        assertTrue(tools.replace(Samples.tool("T2", "RT2b", "renamed"), "RT2"));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        List<List<String>> pages = new ArrayList<>();
        while (true) {
            List<Tool> page = tools.list(cursor, 2);
            pages.add(page.stream().map(Tool::id).toList());
            if (page.isEmpty()) {
                break;
            }
            page.forEach(t -> seen.add(t.id()));
            cursor = page.getLast().id();
        }
        assertEquals(List.of(List.of("T1", "T2"), List.of("T3", "T4"), List.of("T5"), List.of()), pages);
        assertEquals("RT2b", tools.list("T1", 1).getFirst().revisionId(), "lists the current revision");
    }

    @Test
    void unknownOrExhaustedCursorGivesAnEmptyList() {
        tools.insert(Samples.tool("T1", "R1", "a"));
        assertEquals(List.of(), tools.list("T1", 10));
        assertEquals(List.of(), tools.list("ZZZ", 10));
        assertEquals(List.of("T1"), tools.list("A-not-an-id", 10).stream().map(Tool::id).toList());
    }

    @Test
    void limitOfZeroListsNothing() {
        tools.insert(Samples.tool("T1", "R1", "a"));
        assertEquals(List.of(), tools.list(null, 0));
        assertEquals(List.of(), tools.list(null, -1), "SQLite would read LIMIT -1 as no limit");
    }
}
