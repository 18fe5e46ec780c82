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

/** Input files at /mnt/req (read-only), a scratch /tmp, nothing of the host. */
class InputFilesTest {

    /** Languages whose guests read files through the in-memory file system. */
    static List<Language> languages() {
        return TestEngine.languagesWith("read_input_file");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void inputFileIsReadableReadOnlyAndHostFilesAreAbsent(Language lang) {
        ExecResult r = TestEngine.shared().run(ScriptRequest.newBuilder(lang,
                TestEngine.program("read_input_file", lang)).file("d/x.txt", "42").build()).scriptResult();
        assertEquals(0, r.exitCode(), r.stderr());
        String[] lines = r.stdout().split("\n");
        assertEquals(3, lines.length, r.stdout());
        assertEquals("42", lines[0]);
        assertTrue(lines[1].startsWith("read-only"), r.stdout());
        assertTrue(lines[2].startsWith("no host file"), r.stdout());
    }

    static List<Language> scratchLanguages() {
        return TestEngine.languagesWith("write_scratch_file");
    }

    @ParameterizedTest
    @MethodSource("scratchLanguages")
    void scratchFilesAreWritableAndGoneInTheNextExecution(Language lang) {
        for (int i = 0; i < 2; i++) {
            ExecResult r = TestEngine.shared().run(ScriptRequest.of(lang, TestEngine.program("write_scratch_file",
                    lang))).scriptResult();
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals("left over: False\nscratch\n", r.stdout());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../x", "/etc/x", "a\0b", "a/../../b", "a//b", "./a", "a\\b", ""})
    void unsafePathsAreRejectedBeforeRunning(String path) {
        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> TestEngine.shared()
                .runAsync(ScriptRequest.newBuilder(Language.PYTHON, "print(1)").file("ok.txt", "1")
                        .file(path, "x").build()));
        assertEquals("files[1].path", e.field());
        assertTrue(e.getMessage().contains("allowed: a relative path"), e.getMessage());
    }

    @Test
    void quotasOnCountAndTotalSizeAreEnforced() {
        FileQuotas small = new FileQuotas(2, 10);
        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> small.check(List.of(
                InputFile.of("a", ""), InputFile.of("b", ""), InputFile.of("c", ""))));
        assertEquals("files", e.field());
        e = assertThrows(RequestRejectedException.class, () -> small.check(List.of(InputFile.of("a", "12345678901"))));
        assertTrue(e.getMessage().contains("at most 10 bytes"), e.getMessage());
        e = assertThrows(RequestRejectedException.class, () -> small.check(List.of(InputFile.of("a", ""),
                InputFile.of("a", ""))));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        e = assertThrows(RequestRejectedException.class, () -> new FileQuotas(1000, 10L << 20).check(List.of(
                InputFile.of("d", ""), InputFile.of("d/x", ""))));
        assertTrue(e.getMessage().contains("both a file and a directory"), e.getMessage());
    }
}
