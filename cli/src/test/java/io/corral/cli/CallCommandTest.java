package io.corral.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.Limits;
import io.corral.api.wire.RizaJson;
import io.corral.engine.ExecutionEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code corral call} and {@code corral run}, in-process, on one engine shared by the cli tests. */
class CallCommandTest {

    /** One engine for every cli test class: GraalVM engines cost seconds to start. */
    static final ExecutionEngine ENGINE = ExecutionEngine.newBuilder()
            .concurrency(2)
            // the commands' own behaviour; worker processes are the engine module's process suites
            .isolation(io.corral.api.Language.RUBY, io.corral.api.Isolation.IN_PROCESS)
            .configuration(io.corral.api.Configuration.RIZA.toBuilder()
                    .defaultExecutionTimeout(java.time.Duration.ofSeconds(60)).build())
            .build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ENGINE::close));
    }

    record Result(int status, String out, String err) {
        JsonNode json() {
            return RizaJson.parse(out);
        }
    }

    static Result corralWithStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CorralCommand.execute(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                EngineProvider.shared(ENGINE));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result corral(String... args) {
        return corralWithStdin("", args);
    }

    @Test
    void runPassesTheGuestExitCodeThrough() {
        assertEquals(0, corral("run", "--language", "python", "--code", "print(1)").status());
        Result failed = corral("run", "--language", "python", "--code", "raise ValueError('x')");
        assertEquals(1, failed.status());
        assertTrue(failed.err().contains("ValueError"), failed.err());
        assertEquals(3, corral("run", "-l", "ruby", "-c", "exit 3").status());
    }

    @Test
    void rejectedRequestsExitWithTwoAndSayWhatIsAllowed() {
        Result noLanguage = corral("call", "--code", "def execute(i): return i");
        assertEquals(2, noLanguage.status());
        assertTrue(noLanguage.err().contains("--language: is required; allowed: "), noLanguage.err());

        Result badLanguage = corral("call", "--language", "cobol", "--code", "x");
        assertEquals(2, badLanguage.status());
        assertTrue(badLanguage.err().contains("language: unknown language 'cobol'; allowed: "), badLanguage.err());

        Result badInput = corral("call", "--language", "python", "--code", "def execute(i): return i", "--input", "{n:");
        assertEquals(2, badInput.status());
        assertTrue(badInput.err().contains("--input: is not valid JSON"), badInput.err());
        assertTrue(badInput.err().contains("; allowed: a JSON value"), badInput.err());

        Result badEnv = corral("call", "--language", "python", "--code", "def execute(i): return i", "--env", "NOEQ");
        assertEquals(2, badEnv.status());
        assertTrue(badEnv.err().contains("--env: 'NOEQ' is not NAME=VALUE; allowed: NAME=VALUE"), badEnv.err());

        Result noCode = corral("call", "--language", "python");
        assertEquals(2, noCode.status());
        assertTrue(noCode.err().contains("code: none given; allowed: "), noCode.err());

        Result unknownFlag = corral("call", "--frobnicate");
        assertEquals(2, unknownFlag.status());

        Result timeout = corral("call", "--language", "python", "--code", "def execute(i): return i", "--timeout", "0");
        assertEquals(2, timeout.status());
        assertTrue(timeout.err().contains("limits.execution_timeout: must be positive"), timeout.err());

        Result runBad = corral("run", "--language", "python");
        assertEquals(2, runBad.status());
    }

    @Test
    void jsonPrintsTheFullFunctionExecution() {
        Result r = corral("call", "--language", "python", "--code", "def execute(input): return input",
                "--input", "{\"n\": 1}", "--json");
        JsonNode ex = r.json();
        assertEquals("function", ex.at("/details/type").asText());
        assertEquals("python", ex.get("language").asText());
        assertEquals(1, ex.at("/details/request/input/n").asInt());
        assertEquals(ex.get("id").asText(), ex.at("/details/response/execution/id").asText());
        String status = ex.at("/details/response/output_status").asText();
        assertEquals(status.equals("valid") ? 0 : 1, r.status());
    }

    @Test
    void requestFileIsARizaExecuteFunctionBody(@TempDir Path dir) throws IOException {
        Path body = dir.resolve("body.json");
        Files.writeString(body, "{\"language\": \"PYTHON\", \"code\": \"def execute(input): return input\", "
                + "\"input\": {\"k\": [1, 2]}, \"env\": {\"A\": \"b\"}}");
        Result r = corral("call", "--request", body.toString(), "--json");
        JsonNode ex = r.json();
        assertEquals("function", ex.at("/details/type").asText());
        assertEquals(2, ex.at("/details/request/input/k/1").asInt());
        assertEquals("b", ex.at("/details/request/env/A").asText());

        Result mixed = corral("call", "--request", body.toString(), "--language", "python");
        assertEquals(2, mixed.status());
        assertTrue(mixed.err().contains("--request: cannot be combined"), mixed.err());

        Files.writeString(body, "{\"language\": \"python\"}");
        Result missing = corral("call", "--request", body.toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("code: is required; allowed: a string"), missing.err());
    }

    @Tag("needs-functions")
    @Test
    void pythonFunctionResultIsPrintedAndValidExitsZero() {
        Result r = corral("call", "--language", "python", "--code",
                "def execute(input): return {\"n\": input[\"n\"] + 1}", "--input", "{\"n\": 1}");
        assertEquals(0, r.status(), r.out() + r.err());
        JsonNode res = r.json();
        assertEquals(RizaJson.parse("{\"n\": 2}"), res.get("output"));
        assertEquals("valid", res.get("output_status").asText());
    }

    @Tag("needs-functions")
    @Test
    void guestStdoutAppearsOnlyInsideTheResult() {
        Result r = corral("call", "--language", "python", "--code",
                "def execute(input):\n    print('noise')\n    return 3\n");
        assertEquals(0, r.status(), r.out() + r.err());
        JsonNode res = r.json();
        assertEquals(3, res.get("output").asInt());
        assertEquals("noise\n", res.at("/execution/stdout").asText());
    }

    @Tag("needs-functions")
    @Test
    void nonValidStatusesExitOne() {
        Result set = corral("call", "--language", "python", "--code", "def execute(input): return set()");
        assertEquals(1, set.status());
        assertEquals("json_serialization_error", set.json().get("output_status").asText());
        Result raised = corral("call", "--language", "javascript", "--code",
                "function execute(input) { throw new Error('boom'); }");
        assertEquals(1, raised.status());
        assertEquals("error", raised.json().get("output_status").asText());
        Result bigint = corral("call", "--language", "javascript", "--code", "function execute(input) { return 10n; }");
        assertEquals("json_serialization_error", bigint.json().get("output_status").asText());
        Result ruby = corral("call", "--language", "ruby", "--code",
                "def execute(input); { \"n\" => input[\"n\"] + 1 }; end", "--input", "{\"n\": 1}");
        assertEquals(0, ruby.status(), ruby.out() + ruby.err());
        assertEquals(RizaJson.parse("{\"n\": 2}"), ruby.json().get("output"));
    }
}
