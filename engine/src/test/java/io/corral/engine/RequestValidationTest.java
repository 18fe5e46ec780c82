package io.corral.engine;

import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.RequestRejectedException;
import io.corral.api.ScriptRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every invalid request is refused before anything runs, naming the field, the problem and what is allowed. */
class RequestValidationTest {

    private static RequestRejectedException rejected(ScriptRequest request) {
        return assertThrows(RequestRejectedException.class, () -> TestEngine.shared().runAsync(request),
                "must be rejected synchronously, before anything is queued");
    }

    private static void assertRejected(ScriptRequest request, String field, String fragment) {
        RequestRejectedException e = rejected(request);
        assertEquals(RequestRejectedException.Code.INVALID_ARGUMENT, e.code());
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("; allowed: "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void languageNamesAreCaseInsensitiveAndAnsweredInLowerCase() {
        assertEquals(Language.PYTHON, Language.parse("PYTHON"));
        assertEquals(Language.JAVASCRIPT, Language.parse(" JavaScript "));
        assertEquals("python", Language.parse("Python").wireName());
    }

    @Test
    void unknownLanguageIsRejectedListingTheKnownOnes() {
        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> Language.parse("cobol"));
        assertEquals("language", e.field());
        assertTrue(e.getMessage().contains("cobol") && e.getMessage().contains("python"), e.getMessage());
    }

    @Test
    void emptyCodeIsRejected() {
        assertRejected(ScriptRequest.of(Language.PYTHON, "   "), "code", "is empty");
    }

    @Test
    void codeOverOneMebibyteIsRejected() {
        assertRejected(ScriptRequest.of(Language.PYTHON, "#".repeat(1024 * 1024 + 1)), "code", "at most 1 MiB");
    }

    @Test
    void stdinOverTenMebibytesIsRejected() {
        assertRejected(ScriptRequest.newBuilder(Language.PYTHON, "pass").stdin("x".repeat(10 * 1024 * 1024 + 1))
                .build(), "stdin", "at most 10 MiB");
    }

    @Test
    void moreThanAHundredArgsAreRejected() {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            args.add("a" + i);
        }
        assertRejected(ScriptRequest.newBuilder(Language.PYTHON, "pass").args(args).build(), "args", "at most 100");
    }

    @Test
    void oversizedArgIsRejectedByIndex() {
        assertRejected(ScriptRequest.newBuilder(Language.PYTHON, "pass").args("ok", "x".repeat(100 * 1024 + 1))
                .build(), "args[1]", "at most 100 KiB");
    }

    @Test
    void moreThanAHundredEnvVarsAreRejected() {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            env.put("K" + i, "v");
        }
        assertRejected(ScriptRequest.newBuilder(Language.PYTHON, "pass").env(env).build(), "env", "at most 100");
    }

    @Test
    void malformedEnvNameIsRejected() {
        assertRejected(ScriptRequest.newBuilder(Language.PYTHON, "pass").env("1BAD=", "v").build(), "env.1BAD=",
                "letters, digits and '_'");
    }

    @Test
    void oversizedEnvKeyAndValueAreRejected() {
        assertRejected(ScriptRequest.newBuilder(Language.PYTHON, "pass").env("K".repeat(4 * 1024 + 1), "v").build(),
                "env", "at most 4 KiB");
        assertRejected(ScriptRequest.newBuilder(Language.PYTHON, "pass").env("K", "v".repeat(100 * 1024 + 1)).build(),
                "env.K", "at most 100 KiB");
    }

    @Test
    void nonPositiveTimeoutIsRejected() {
        assertRejected(ScriptRequest.newBuilder(Language.PYTHON, "pass")
                .limits(Limits.newBuilder().executionTimeout(Duration.ZERO).build()).build(),
                "limits.execution_timeout", "must be positive");
    }

    @Test
    void timeoutAboveTheEnginesMaximumIsRejected() {
        long tooLong = TestEngine.shared().configuration().maxExecutionTimeout().toSeconds() + 1;
        assertRejected(ScriptRequest.newBuilder(Language.PYTHON, "pass")
                .limits(Limits.newBuilder().executionTimeoutSeconds(tooLong).build()).build(),
                "limits.execution_timeout", "above this engine's maximum");
    }

    @Test
    void nonPositiveMemorySizeIsRejected() {
        assertRejected(ScriptRequest.newBuilder(Language.PYTHON, "pass")
                .limits(Limits.newBuilder().memorySizeMib(0).build()).build(), "limits.memory_size", "positive");
    }
}
