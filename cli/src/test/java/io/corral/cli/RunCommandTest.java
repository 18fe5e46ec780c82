package io.corral.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.corral.cli.CallCommandTest.corral;
import static io.corral.cli.CallCommandTest.corralWithStdin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code corral run}, in-process on the cli tests' shared engine. */
class RunCommandTest {

    @Test
    void stdinArgsAndEnvReachTheGuestAndOnlyItsOutputReachesStdout() {
        CallCommandTest.Result r = corral("run", "--language", "python", "--stdin", "hello", "--env", "K1=v1",
                "--code", "import sys, os; print(sys.stdin.read()[::-1], os.environ['K1'], sys.argv[1:])",
                "--", "a", "-b");
        assertEquals(0, r.status(), r.err());
        assertEquals("olleh v1 ['a', '-b']\n", r.out());
    }

    @Test
    void scriptComesFromAFileOrFromStdin(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("main.rb");
        Files.writeString(script, "puts ARGV.join(',')\n");
        assertEquals("x,y\n", corral("run", "--language", "ruby", script.toString(), "x", "y").out());
        assertEquals("42\n", corralWithStdin("puts 6 * 7", "run", "--language", "ruby", "-").out());
    }

    @Test
    void timeLimitExitsWith124AndSaysSo() {
        CallCommandTest.Result r = corral("run", "--language", "javascript", "--timeout", "1", "--code",
                "console.log('before'); while (true) {}");
        assertEquals(124, r.status());
        assertEquals("before\n", r.out());
        assertTrue(r.err().lines().anyMatch("corral: time limit of 1 s exceeded"::equals),
                "a notice of its own, after the guest's output: " + r.err());
    }

    @Test
    void jsonTellsAnExitWithStatus124FromTheTimeLimit() {
        CallCommandTest.Result exited = corral("run", "--language", "python", "--code", "import sys; sys.exit(124)",
                "--json");
        assertEquals(124, exited.status());
        assertEquals("exited", exited.json().at("/outcome/kind").asText(), exited.out());
        assertEquals(124, exited.json().at("/outcome/exit_status").asInt());
        CallCommandTest.Result timedOut = corral("run", "--language", "python", "--code", "while True: pass",
                "--timeout", "1", "--json");
        assertEquals(124, timedOut.status());
        assertEquals("timed_out", timedOut.json().at("/outcome/kind").asText(), timedOut.out());
        assertFalse(timedOut.json().at("/outcome/stdout_truncated").asBoolean());
    }

    @Test
    void jsonPrintsTheExecutionRecordInRizasShape() {
        CallCommandTest.Result r = corral("run", "--language", "python", "--code", "print(2)", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = r.json();
        assertEquals(26, j.get("id").asText().length());
        assertEquals("python", j.get("language").asText());
        assertTrue(j.get("duration").isIntegralNumber());
        assertEquals(0, j.get("exit_code").asInt());
        assertTrue(j.get("started_at").asText().endsWith("Z"), j.toString());
        assertEquals("script", j.at("/details/type").asText());
        assertEquals("print(2)", j.at("/details/request/code").asText());
        assertEquals("2\n", j.at("/details/response/stdout").asText());
    }

    @Test
    void requestFileCarriesFilesAndUpperCaseLanguage(@TempDir Path dir) throws IOException {
        Path body = dir.resolve("body.json");
        Files.writeString(body, """
                {"language": "PYTHON", "code": "print(open('/mnt/req/d/x.txt').read())",
                 "files": [{"path": "d/x.txt", "contents": "42"}]}
                """);
        CallCommandTest.Result r = corral("run", "--request", body.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("42\n", r.out());
    }

    @Test
    void badFlagsAndBadRequestsExitTwoNamingTheField(@TempDir Path dir) throws IOException {
        CallCommandTest.Result cobol = corral("run", "--language", "cobol", "--code", "x");
        assertEquals(2, cobol.status());
        assertTrue(cobol.err().contains("language: unknown language 'cobol'; allowed: "), cobol.err());
        CallCommandTest.Result zero = corral("run", "--language", "python", "--timeout", "0", "--code", "pass");
        assertEquals(2, zero.status());
        assertTrue(zero.err().contains("limits.execution_timeout: must be positive"), zero.err());
        CallCommandTest.Result env = corral("run", "--language", "python", "--env", "NOEQUALS", "--code", "pass");
        assertEquals(2, env.status());
        assertTrue(env.err().contains("--env: 'NOEQUALS' is not NAME=VALUE"), env.err());
        Path body = dir.resolve("body.json");
        Files.writeString(body, "{\"language\": \"python\", \"code\": \"pass\", \"files\": [{\"path\": \"../x\"}]}");
        CallCommandTest.Result traversal = corral("run", "--request", body.toString());
        assertEquals(2, traversal.status());
        assertTrue(traversal.err().contains("files[0].path"), traversal.err());
        assertEquals(2, corral("run", "--no-such-flag").status());
    }
}
