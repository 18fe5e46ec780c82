package io.corral.engine.history;

import io.corral.engine.Retention;
import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.ExecutionDetails;
import io.corral.api.Language;
import io.corral.api.PageRequest;
import io.corral.api.RequestRejectedException;
import io.corral.api.ScriptRequest;
import io.corral.api.wire.RizaJson;
import io.corral.engine.ExecutionEngine;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The execution history: every run recorded, read back by id and by cursor, filtered, pruned. */
class ExecutionHistoryTest {

    static List<Language> languages() {
        return TestEngine.languages();
    }

    private static ExecutionEngine engine() {
        return TestEngine.shared();
    }

    private static Execution script(String id, int exitCode, Instant startedAt) {
        ScriptRequest req = ScriptRequest.of(Language.PYTHON, "print(1)");
        io.corral.api.Outcome outcome = exitCode == 0 ? io.corral.api.Outcome.completed()
                : io.corral.api.Outcome.of(io.corral.api.Outcome.Kind.EXITED, exitCode);
        return Execution.newBuilder(id, Language.PYTHON).duration(1).startedAt(startedAt)
                .details(ExecutionDetails.script(req, ExecResult.newBuilder(id).outcome(outcome).duration(1).build()))
                .build();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyScriptRunIsRecordedWithRequestAndResponse(Language lang) {
        ScriptRequest req = ScriptRequest.newBuilder(lang, TestEngine.program("hello", lang)).env("K", "v").build();
        Execution ex = engine().run(req);
        Execution stored = engine().findExecution(ex.id()).orElseThrow();
        assertEquals(ex, stored);
        JsonNode wire = RizaJson.execution(stored);
        assertEquals("script", wire.at("/details/type").asText());
        assertEquals(req.code(), wire.at("/details/request/code").asText());
        assertEquals("v", wire.at("/details/request/env/K").asText());
        assertEquals("hello, world\n", wire.at("/details/response/stdout").asText());
    }

    @Test
    void filtersAndCursorOverTheEngineHistory() {
        Execution ok = engine().run(ScriptRequest.of(Language.PYTHON, "print('ok')"));
        Execution failed = engine().run(ScriptRequest.of(Language.PYTHON, "import sys; sys.exit(3)"));
        Execution ok2 = engine().run(ScriptRequest.of(Language.PYTHON, "print('ok again')"));
        List<String> all = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // start just before our first run: ids are monotonic, so anything older is excluded
        String cursor = engine().listExecutions(PageRequest.FIRST).items().stream().map(Execution::id)
                .filter(id -> id.compareTo(ok.id()) < 0).reduce((a, b) -> b).orElse(null);
        for (io.corral.api.ExecutionFilter filter : io.corral.api.ExecutionFilter.values()) {
            // the page's own next() drives the walk: no hand-kept cursor
            java.util.Optional<PageRequest> page = java.util.Optional.of(PageRequest.of(2, cursor));
            while (page.isPresent()) {
                io.corral.api.Page<Execution> p = engine().listExecutions(page.get(), filter);
                p.items().forEach(e -> (filter == io.corral.api.ExecutionFilter.ALL ? all : failures).add(e.id()));
                page = p.next();
            }
        }
        assertTrue(all.containsAll(List.of(ok.id(), failed.id(), ok2.id())), all.toString());
        assertEquals(all.stream().sorted().toList(), all, "ascending id order");
        assertTrue(failures.contains(failed.id()));
        assertTrue(!failures.contains(ok.id()) && !failures.contains(ok2.id()));
        assertEquals(List.of(), engine().listExecutions(PageRequest.first(5).after(all.get(all.size() - 1)))
                .items().stream().filter(e -> e.id().compareTo(ok2.id()) <= 0).toList());
    }

    @Test
    void anUnknownExecutionIsNotFound() {
        assertTrue(engine().findExecution("01NOSUCHEXECUTION").isEmpty());
        Execution known = engine().run(ScriptRequest.of(Language.PYTHON, "print(1)"));
        assertEquals(known.id(), engine().findExecution(known.id()).orElseThrow().id());
    }

    @Test
    void paginationOverThreeWithLimitTwoGivesExactlyThree() {
        ExecutionHistory h = new ExecutionHistory(new InMemoryExecutionStore(), Retention.DEFAULT, Clock.systemUTC());
        Instant now = Instant.now();
        h.record(script("01A", 0, now), List.of());
        h.record(script("01B", 1, now), List.of());
        h.record(script("01C", 0, now), List.of());
        assertEquals(List.of("01A", "01B"), ids(h, PageRequest.of(2, null), false));
        assertEquals(List.of("01C"), ids(h, PageRequest.of(2, "01B"), false));
        assertEquals(List.of(), ids(h, PageRequest.of(2, "01C"), false), "exhausted cursor: empty, not an error");
        assertEquals(List.of(), ids(h, PageRequest.of(2, "ZZZ"), false));
        assertEquals(List.of("01B"), ids(h, PageRequest.FIRST, true));
    }

    @Test
    void limitOutsideOneToHundredIsRejected() {
        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> PageRequest.of(101, null));
        assertEquals("limit: 101 is out of range; allowed: 1 to 100", e.getMessage());
        assertThrows(RequestRejectedException.class, () -> PageRequest.of(0, null));
        assertEquals(100, PageRequest.of(null, null).limit());
    }

    @Test
    void retentionKeepsTheNewestByCount() {
        ExecutionHistory h = new ExecutionHistory(new InMemoryExecutionStore(), new Retention(2, null), Clock.systemUTC());
        Instant now = Instant.now();
        for (String id : List.of("01A", "01B", "01C")) {
            h.record(script(id, 0, now), List.of());
        }
        assertEquals(List.of("01B", "01C"), ids(h, PageRequest.FIRST, false));
        assertThrows(RequestRejectedException.class, () -> h.get("01A"));
    }

    @Test
    void retentionDropsRecordsOlderThanTheMaximumAge() {
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        ExecutionHistory h = new ExecutionHistory(new InMemoryExecutionStore(), new Retention(100, Duration.ofHours(1)),
                Clock.fixed(now, ZoneOffset.UTC));
        h.record(script("01A", 0, now.minus(Duration.ofHours(2))), List.of());
        h.record(script("01B", 0, now.minus(Duration.ofMinutes(5))), List.of());
        assertEquals(List.of("01B"), ids(h, PageRequest.FIRST, false));
    }

    @Test
    void noRetentionRecordsNothing() {
        ExecutionHistory h = new ExecutionHistory(new InMemoryExecutionStore(), Retention.NONE, Clock.systemUTC());
        h.record(script("01A", 0, Instant.now()), List.of());
        assertEquals(List.of(), ids(h, PageRequest.FIRST, false));
    }

    @Test
    void secretValuesAreScrubbedFromStoredOutput() {
        ExecutionHistory h = new ExecutionHistory(new InMemoryExecutionStore(), Retention.DEFAULT, Clock.systemUTC());
        ScriptRequest req = ScriptRequest.of(Language.PYTHON, "print(1)");
        Execution e = Execution.newBuilder("01A", Language.PYTHON).duration(1).startedAt(Instant.now())
                .details(ExecutionDetails.script(req, ExecResult.newBuilder("01A").stdout("the token is hunter22\n")
                        .stderr("hunter22").duration(1).build())).build();
        h.record(e, List.of("hunter22", "ab"));
        ExecResult stored = h.get("01A").scriptResult();
        assertEquals("the token is [SECRET]\n", stored.stdout());
        assertEquals("[SECRET]", stored.stderr());
    }

    private static List<String> ids(ExecutionHistory h, PageRequest page, boolean onlyFailures) {
        return h.list(page, onlyFailures).items().stream().map(Execution::id).toList();
    }
}
