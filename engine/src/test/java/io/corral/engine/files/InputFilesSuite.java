package io.corral.engine.files;

import io.corral.api.ExecResult;
import io.corral.api.InputFile;
import io.corral.api.Language;
import io.corral.api.RequestRejectedException;
import io.corral.api.ScriptRequest;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input files at /mnt/req (read-only), a scratch /tmp, nothing of the host: one suite, run for
 * every language ({@code InputFilesTest} for the engine's, {@code PhpInputFilesTest} for PHP).
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
public abstract class InputFilesSuite {

    /** The languages this suite runs in. */
    protected abstract List<Language> languages();

    @ParameterizedTest
    @MethodSource("languages")
    public void inputFileIsReadableReadOnlyAndHostFilesAreAbsent(Language lang) {
        ExecResult r = TestEngine.shared().run(ScriptRequest.newBuilder(lang,
                TestEngine.program("read_input_file", lang)).file("d/x.txt", "42").build()).scriptResult();
        assertEquals(0, r.exitCode(), r.stderr());
        String[] lines = r.stdout().split("\n");
        assertEquals(3, lines.length, r.stdout());
        assertEquals("42", lines[0]);
        assertTrue(lines[1].startsWith("read-only"), r.stdout());
        assertTrue(lines[2].startsWith("no host file"), r.stdout());
    }

    List<Language> scratchLanguages() {
        return languages().stream().filter(l -> TestEngine.hasProgram("write_scratch_file", l)
                || (l == Language.TYPESCRIPT && TestEngine.hasProgram("write_scratch_file", Language.JAVASCRIPT))).toList();
    }

    @ParameterizedTest
    @MethodSource("scratchLanguages")
    public void scratchFilesAreWritableAndGoneInTheNextExecution(Language lang) {
        for (int i = 0; i < 2; i++) {
            ExecResult r = TestEngine.shared().run(ScriptRequest.of(lang, TestEngine.program("write_scratch_file",
                    lang))).scriptResult();
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals("left over: False\nscratch\n", r.stdout());
        }
    }
}
