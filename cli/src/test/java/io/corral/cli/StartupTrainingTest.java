package io.corral.cli;

import io.corral.api.Language;
import io.corral.engine.ExecutionEngine;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The programs the launcher trains its AOT cache with ({@link StartupTraining}): a program that fails
 * would leave its language's classes out of the cache without anyone noticing, so each must run, and
 * run as the training (and every one-shot {@code ./corral run}) does: on a new engine of its own, so
 * a language whose first run on a new engine fails (TypeScript once did: its compiler's load was
 * charged to that run's memory limit) fails here.
 */
class StartupTrainingTest {

    @Test
    void everyTrainingProgramRunsAndPrintsItsResult() {
        for (List<String> command : StartupTraining.commands(ExecutionEngine.availableLanguages())) {
            if (command.equals(List.of("--version"))) {
                continue; // starts an engine per language; the command itself is covered by the launcher's use
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int status = CorralCommand.execute(command.toArray(new String[0]),
                    new java.io.ByteArrayInputStream(new byte[0]), new java.io.PrintStream(out, true, UTF_8),
                    new java.io.PrintStream(err, true, UTF_8), EngineProvider.perInvocation());
            CallCommandTest.Result r = new CallCommandTest.Result(status, out.toString(UTF_8), err.toString(UTF_8));
            assertEquals(0, r.status(), command + ": " + r.err());
            assertFalse(r.out().isBlank(), command + " printed nothing");
        }
    }

    @Test
    void everyLanguageOfTheBuildIsTrained() {
        Set<Language> trained = EnumSet.noneOf(Language.class);
        for (List<String> command : StartupTraining.commands(ExecutionEngine.availableLanguages())) {
            if (command.get(0).equals("run")) {
                trained.add(Language.parse(command.get(command.indexOf("--language") + 1)));
            }
        }
        assertEquals(ExecutionEngine.availableLanguages(), trained);
    }
}
