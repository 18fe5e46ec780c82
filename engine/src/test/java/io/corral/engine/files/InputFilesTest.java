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

/** The input-files suite in the engine's languages, and the checks made before anything runs. */
class InputFilesTest extends InputFilesSuite {

    @Override
    protected List<Language> languages() {
        return TestEngine.languagesWith("read_input_file");
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
