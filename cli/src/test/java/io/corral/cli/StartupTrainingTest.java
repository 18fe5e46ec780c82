package io.corral.cli;

import io.corral.api.Language;
import io.corral.engine.ExecutionEngine;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.corral.cli.CallCommandTest.corral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The programs the launcher trains its AOT cache with ({@link StartupTraining}): a program that fails
 * would leave its language's classes out of the cache without anyone noticing, so each must run.
 */
class StartupTrainingTest {

    @Test
    void everyTrainingProgramRunsAndPrintsItsResult() {
        for (List<String> command : StartupTraining.commands(ExecutionEngine.availableLanguages())) {
            if (command.equals(List.of("--version"))) {
                continue; // starts an engine per language; the command itself is covered by the launcher's use
            }
            CallCommandTest.Result r = corral(command.toArray(new String[0]));
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
