package io.corral.engine;

import io.corral.api.Execution;
import io.corral.api.Isolation;
import io.corral.api.Language;
import io.corral.api.RequestRejectedException;
import io.corral.api.ScriptRequest;
import io.corral.engine.isolation.WorkerSandbox;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where executions run: each language's default, the embedder's choice, and what happens on a
 * machine without bubblewrap — a chosen PROCESS is refused before anything runs, naming the fix;
 * Ruby's default PROCESS falls back to in-process with a notice in the record; never unsandboxed.
 */
class EngineIsolationTest {

    private static final String NO_BWRAP = "bubblewrap (bwrap) is not installed; install bubblewrap";

    @Test
    void rubyDefaultsToProcessAndTheOthersToInProcess() {
        assertEquals(Isolation.PROCESS, ExecutionEngine.defaultIsolation(Language.RUBY));
        for (Language l : new Language[] {Language.PYTHON, Language.JAVASCRIPT, Language.TYPESCRIPT, Language.PHP}) {
            assertEquals(Isolation.IN_PROCESS, ExecutionEngine.defaultIsolation(l));
        }
    }

    @Test
    void aChosenProcessIsolationWithoutBubblewrapIsRefusedBeforeAnythingRuns() {
        try (ExecutionEngine e = ExecutionEngine.newBuilder().languages(Language.PYTHON).isolation(Isolation.PROCESS)
                .warmContexts(0).sandbox(WorkerSandbox.unavailable(NO_BWRAP)).build()) {
            RequestRejectedException r = assertThrows(RequestRejectedException.class,
                    () -> e.run(ScriptRequest.of(Language.PYTHON, "print(1)")));
            assertEquals("isolation", r.field());
            assertTrue(r.getMessage().contains("process isolation is unavailable here: " + NO_BWRAP)
                    && r.getMessage().contains("in-process isolation for python"), r.getMessage());
            assertTrue(e.listExecutions(io.corral.api.PageRequest.first(10)).items().isEmpty(), "nothing ran");
        }
    }

    @Test
    void rubysDefaultFallsBackToInProcessWithANoticeWhereBubblewrapIsMissing() {
        try (ExecutionEngine e = ExecutionEngine.newBuilder().languages(Language.RUBY).warmContexts(0)
                .sandbox(WorkerSandbox.unavailable(NO_BWRAP)).build()) {
            assertEquals(Isolation.IN_PROCESS, e.isolation().get(Language.RUBY));
            Execution x = e.run(ScriptRequest.of(Language.RUBY, "puts 6 * 7"));
            assertEquals("42\n", x.scriptResult().stdout());
            assertTrue(x.notices().contains("process isolation is unavailable here (" + NO_BWRAP
                    + "); this ruby execution ran in-process, restricted"), x.notices().toString());
        }
    }

    @Test
    void isolationIsSetOncePerLanguage() {
        ExecutionEngine.Builder b = ExecutionEngine.newBuilder().isolation(Language.PYTHON, Isolation.PROCESS);
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> b.isolation(Language.PYTHON, Isolation.IN_PROCESS));
        assertTrue(twice.getMessage().contains("isolation of python was already set to process"), twice.getMessage());
    }

    @Test
    void isolationNamesParseAndUnknownOnesAreRejectedNamingWhatIsAllowed() {
        assertEquals(Isolation.PROCESS, Isolation.parse("process"));
        assertEquals(Isolation.IN_PROCESS, Isolation.parse("IN_PROCESS"));
        RequestRejectedException r = assertThrows(RequestRejectedException.class, () -> Isolation.parse("vm"));
        assertTrue(r.getMessage().contains("allowed: in-process, process"), r.getMessage());
    }

    @Test
    void aRequestChoosesItsIsolationOnlyWhereTheEngineAllowsIt() {
        ScriptRequest asks = ScriptRequest.newBuilder(Language.PYTHON, "print(6 * 7)").isolation(Isolation.PROCESS)
                .build();
        try (ExecutionEngine closed = ExecutionEngine.newBuilder().languages(Language.PYTHON).warmContexts(0).build()) {
            RequestRejectedException r = assertThrows(RequestRejectedException.class, () -> closed.run(asks));
            assertTrue(r.getMessage().startsWith("isolation: this engine does not let requests choose their isolation")
                    && r.getMessage().contains("requestIsolation(true)"), r.getMessage());
        }
        try (ExecutionEngine open = ExecutionEngine.newBuilder().languages(Language.PYTHON).warmContexts(0)
                .requestIsolation(true).sandbox(WorkerSandbox.unavailable(NO_BWRAP)).build()) {
            // the request's choice is honoured: without bubblewrap, process is refused rather than run in-process
            RequestRejectedException r = assertThrows(RequestRejectedException.class, () -> open.run(asks));
            assertTrue(r.getMessage().contains("process isolation is unavailable here"), r.getMessage());
            Execution inProcess = open.run(asks.toBuilder().isolation(Isolation.IN_PROCESS).build());
            assertEquals("42\n", inProcess.scriptResult().stdout());
        }
    }
}
