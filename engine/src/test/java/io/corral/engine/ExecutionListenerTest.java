package io.corral.engine;

import io.corral.api.Execution;
import io.corral.api.Language;
import io.corral.api.Outcome;
import io.corral.api.ScriptRequest;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Embedders get the figures a server has: a listener, and JFR events. */
class ExecutionListenerTest {

    @Test
    void theListenerAndJfrSeeEveryRecordedExecutionWithItsOutcome(@TempDir Path dir) throws Exception {
        List<Execution> seen = new CopyOnWriteArrayList<>();
        try (Recording recording = new Recording();
             ExecutionEngine engine = ExecutionEngine.newBuilder().languages(Language.JAVASCRIPT).listener(seen::add)
                     .build()) {
            recording.enable("io.corral.Execution");
            recording.start();
            Execution ok = engine.run(ScriptRequest.of(Language.JAVASCRIPT, "console.log(1)"));
            Execution failed = engine.run(ScriptRequest.of(Language.JAVASCRIPT, "process.exit(4)"));
            recording.stop();
            assertEquals(List.of(ok.id(), failed.id()), seen.stream().map(Execution::id).toList());
            assertEquals(Outcome.Kind.EXITED, seen.get(1).outcome().kind());

            Path file = dir.resolve("corral.jfr");
            recording.dump(file);
            List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals("io.corral.Execution")).toList();
            assertEquals(2, events.size(), events.toString());
            RecordedEvent exited = events.stream().filter(e -> e.getString("id").equals(failed.id())).findFirst()
                    .orElseThrow();
            assertEquals("javascript", exited.getString("language"));
            assertEquals("exited", exited.getString("outcome"));
            assertEquals(4, exited.getInt("exitCode"));
        }
    }

    @Test
    void aFailingListenerDoesNotAffectTheExecution() {
        try (ExecutionEngine engine = ExecutionEngine.newBuilder().languages(Language.JAVASCRIPT)
                .listener(ex -> {
                    throw new IllegalStateException("listener bug");
                }).build()) {
            Execution ex = engine.run(ScriptRequest.of(Language.JAVASCRIPT, "console.log(2)"));
            assertEquals("2\n", ex.scriptResult().stdout());
            assertTrue(engine.findExecution(ex.id()).isPresent(), "still recorded");
        }
    }
}
