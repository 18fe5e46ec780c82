package io.corral.engine.lang.php;

import com.sun.net.httpserver.HttpServer;
import io.corral.api.ExecResult;
import io.corral.api.FunctionRequest;
import io.corral.api.FunctionResult;
import io.corral.api.HttpAllowRule;
import io.corral.api.HttpPolicy;
import io.corral.api.Language;
import io.corral.api.OutputStatus;
import io.corral.api.ScriptRequest;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PHP strings are bytes, and so is what PHP writes: every byte reaches the execution's stdout and
 * stderr unchanged, whichever path it takes (a script, a function, an HTTP body it echoes), and the
 * host decodes the whole output once as UTF-8, as it does the real php's output.
 */
class PhpTextTest {

    private static final Language PHP = Language.PHP;

    private static ExecResult run(String code) {
        return run(ScriptRequest.of(PHP, code));
    }

    private static ExecResult run(ScriptRequest request) {
        return TestEngine.shared().run(request).scriptResult();
    }

    private static String describe(ExecResult r) {
        return "exit=" + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    @Test
    void nonAsciiTextReachesStdoutAndStderrAndLaterOutputIsKept() {
        ExecResult r = run("<?php echo \"caf\\u{e9} \\u{1F600}\\n\"; fwrite(STDERR, \"gr\\u{fc}\\u{df}e\\n\"); echo \"after\\n\";");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("café 😀\nafter\n", r.stdout());
        assertEquals("grüße\n", r.stderr());
    }

    @Test
    void aCharacterSplitAcrossTwoWritesStaysWhole() {
        ExecResult r = run("<?php echo \"\\xc3\"; echo \"\\xa9\"; fwrite(STDERR, \"\\xf0\\x9f\"); fwrite(STDERR, \"\\x98\\x80\");");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("é", r.stdout());
        assertEquals("😀", r.stderr());
    }

    @Test
    void invalidUtf8IsDecodedByTheHostAsReplacementCharacters() {
        ExecResult r = run("<?php echo \"a\\xffb\\xc3\\n\"; echo \"still here\\n\";");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("a\uFFFDb\uFFFD\nstill here\n", r.stdout());
    }

    @Test
    void largeNonAsciiOutputIsComplete() {
        ExecResult r = run("<?php echo str_repeat(\"\\u{e9}\\u{1F600}\", 50000);");
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("é😀".repeat(50000), r.stdout());
    }

    @Test
    void stdinArrivesAsUtf8Bytes() {
        ExecResult r = run(ScriptRequest.newBuilder(PHP,
                "<?php $s = trim(fgets(STDIN)); echo strlen($s), ' ', mb_strlen($s), ' ', mb_strtoupper($s), \"\\n\";")
                .stdin("héllo 😀\n").build());
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("11 7 HÉLLO 😀\n", r.stdout());
    }

    @Test
    void argsAndEnvironmentKeepTheirNonAsciiCharacters() {
        ExecResult r = run(ScriptRequest.newBuilder(PHP, "<?php echo $argv[1], ' ', getenv('WORD'), \"\\n\";")
                .args("naïve").env("WORD", "Straße").build());
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("naïve Straße\n", r.stdout());
    }

    @Test
    void aFunctionsResultAndPrintsKeepTheirNonAsciiCharacters() {
        FunctionResult f = TestEngine.shared().call(FunctionRequest.newBuilder(PHP,
                "<?php function execute($input) { echo \"\\u{e9} out\\n\"; fwrite(STDERR, \"\\u{fc} err\\n\");"
                        + " return ['s' => $input['s'] . \" caf\\u{e9} \\u{1F600}\"]; }")
                .inputJson("{\"s\":\"naïve\"}").build()).functionResult();
        assertEquals(OutputStatus.VALID, f.outputStatus(), f.execution().stderr());
        assertEquals("{\"s\":\"na\\u00efve caf\\u00e9 \\ud83d\\ude00\"}", f.outputJson(),
                "json_encode's own escapes, as in PHP");
        assertEquals("é out\n", f.execution().stdout());
        assertEquals("ü err\n", f.execution().stderr());
    }

    @Test
    void anHttpBodyCrossesBothWaysAsBytes() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/echo";
            ExecResult r = run(ScriptRequest.newBuilder(PHP, "<?php $body = file_get_contents($argv[1], false,"
                            + " stream_context_create(['http' => ['method' => 'POST', 'content' => \"caf\\u{e9} \\u{1F600}\\xff\"]]));"
                            + " echo strlen($body), ' ', $body, \"\\n\";")
                    .args(url).http(HttpPolicy.allow(HttpAllowRule.of("127.0.0.1"))).build());
            assertEquals(0, r.exitCode(), describe(r));
            assertEquals("11 café 😀\uFFFD\n", r.stdout());
        } finally {
            server.stop(0);
        }
    }
}
