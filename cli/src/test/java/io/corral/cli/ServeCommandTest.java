package io.corral.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code corral serve} as a process, the way an operator runs it: keys from {@code CORRAL_API_KEYS},
 * a data directory, a curl-style request, SIGTERM ending it with status 0, and a restart on the same
 * data directory that still has what was stored. Then {@code corral backup} of that directory.
 */
class ServeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("serving Riza's API on (http://\\S+?)/? ");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void warmContextsTakeOneNumberOrARangeAndSayWhatIsAllowed() {
        assertArrayEquals(new int[] {1, 4}, ServeCommand.warmRange("1..4"));
        assertArrayEquals(new int[] {2, 2}, ServeCommand.warmRange("2"));
        for (String bad : List.of("4..1", "1..65", "x", "-1", "1-4")) {
            CorralCommand.UsageProblem p = assertThrows(CorralCommand.UsageProblem.class,
                    () -> ServeCommand.warmRange(bad));
            assertTrue(p.getMessage().startsWith("--warm-contexts: '" + bad + "' is not a range; allowed: N or "
                    + "MIN..MAX"), p.getMessage());
        }
    }

    @Test
    void servesStopsCleanlyOnSigtermAndKeepsItsToolsAcrossARestart(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("corral-data");
        String toolId;
        try (Server s = Server.start(data)) {
            // curl's default form Content-Type: the body is JSON all the same
            JsonNode r = s.send("POST", "/v1/execute", "application/x-www-form-urlencoded", "KEY",
                    "{\"language\":\"PYTHON\",\"code\":\"print(1+1)\"}", 200);
            assertEquals(0, r.get("exit_code").asInt(), r.toString());
            assertEquals("2\n", r.get("stdout").asText());
            JsonNode record = s.send("GET", "/v1/executions/" + r.get("id").asText(), null, "KEY", null, 200);
            assertEquals("print(1+1)", record.at("/details/request/code").asText(), record.toString());

            JsonNode denied = s.send("POST", "/v1/execute", "application/json", "WRONG",
                    "{\"language\":\"python\",\"code\":\"print(1)\"}", 401);
            assertEquals(16, denied.get("code").asInt(), denied.toString());

            JsonNode tool = s.send("POST", "/v1/tools", "application/json", "KEY", """
                    {"name": "add", "language": "python", "code": "def execute(input): return input['a'] + 1",
                     "input_schema": {"type": "object", "properties": {"a": {"type": "integer"}}}}""", 200);
            toolId = tool.get("id").asText();

            int status = s.stop();
            assertEquals(0, status, "SIGTERM ends the server with status 0: " + s.output);
            assertTrue(s.output.stream().anyMatch(l -> l.contains("corral: stopped")), s.output.toString());
        }
        try (Server s = Server.start(data)) {
            JsonNode tool = s.send("GET", "/v1/tools/" + toolId, null, "KEY", null, 200);
            assertEquals("add", tool.get("name").asText(), "the tool outlived the restart: " + tool);
            JsonNode run = s.send("POST", "/v1/tools/" + toolId + "/execute", "application/json", "KEY",
                    "{\"input\": {\"a\": 41}, \"env\": [{\"name\": \"A\"}]}", 200);
            assertEquals(42, run.get("output").asInt(), run.toString());
            assertEquals(0, s.stop(), s.output.toString());
        }
        Path copy = tmp.resolve("backup.db");
        Process backup = new ProcessBuilder(Server.java("backup", "--data-dir", data.toString(), "--to",
                copy.toString())).redirectErrorStream(true).start();
        String out = new String(backup.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(backup.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, backup.exitValue(), out);
        assertTrue(Files.size(copy) > 0 && out.contains("backed up"), out);
    }

    @Test
    void refusesToStartWithoutKeysUnlessToldToServeWithoutAuth(@TempDir Path tmp) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Server.java("serve", "--port", "0", "--data-dir",
                tmp.resolve("d").toString())).redirectErrorStream(true);
        pb.environment().remove("CORRAL_API_KEYS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(CorralCommand.REJECTED, p.exitValue(), out);
        assertTrue(out.contains("CORRAL_API_KEYS") && out.contains("--insecure-no-auth"), out);
    }

    @Test
    void aMalformedKeyIsAUsageErrorThatDoesNotShowTheKey(@TempDir Path tmp) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Server.java("serve", "--port", "0", "--data-dir",
                tmp.resolve("d").toString())).redirectErrorStream(true);
        pb.environment().put("CORRAL_API_KEYS", "good-key,two words");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(CorralCommand.REJECTED, p.exitValue(), out);
        assertTrue(out.contains("corral: apiKeys[1]: holds white space"), out);
        assertTrue(!out.contains("two words") && !out.contains("Exception"), out);
    }

    /** A {@code corral serve} child process on a free port. */
    private static final class Server implements AutoCloseable {
        final Process process;
        final List<String> output = new CopyOnWriteArrayList<>();
        final HttpClient http = HttpClient.newHttpClient();
        volatile String base;
        Thread reader;

        private Server(Process process) {
            this.process = process;
        }

        static List<String> java(String... args) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xss16m", "-Dpolyglot.engine.WarnInterpreterOnly=false", "--enable-native-access=ALL-UNNAMED"));
            if (Runtime.version().feature() >= 24) {
                command.add("--sun-misc-unsafe-memory-access=allow");
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(List.of(args));
            return command;
        }

        static Server start(Path data) throws Exception {
            ProcessBuilder pb = new ProcessBuilder(java("serve", "--port", "0", "--data-dir", data.toString(),
                    "--concurrency", "1")).redirectErrorStream(true);
            pb.environment().put("CORRAL_API_KEYS", "KEY");
            Server s = new Server(pb.start());
            java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);
            Thread reader = s.reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(s.process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        s.output.add(line);
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            s.base = m.group(1);
                            listening.countDown();
                        }
                    }
                } catch (IOException e) {
                    s.output.add("(output ended: " + e.getMessage() + ")");
                }
            });
            reader.setDaemon(true);
            reader.start();
            if (!listening.await(180, TimeUnit.SECONDS)) {
                s.close();
                fail("corral serve never said where it listens: " + s.output);
            }
            // ready when /readyz says so (the configured languages are warm)
            for (int i = 0; i < 600; i++) {
                HttpResponse<String> r = s.http.send(HttpRequest.newBuilder(URI.create(s.base + "/readyz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return s;
                }
                Thread.sleep(500);
            }
            s.close();
            throw new AssertionError("never ready: " + s.output);
        }

        JsonNode send(String method, String path, String contentType, String key, String body, int expected)
                throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + key)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(expected, r.statusCode(), method + " " + path + ": " + r.body());
            return JSON.readTree(r.body());
        }

        /** SIGTERM, then the exit status (once everything it printed has been read). */
        int stop() throws InterruptedException {
            // through the handle: Process.destroy() would also close our ends of its pipes
            process.toHandle().destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                fail("corral serve did not end after SIGTERM: " + output);
            }
            reader.join(10_000);
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
