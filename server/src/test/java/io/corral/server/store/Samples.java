package io.corral.server.store;

import io.corral.api.EnvVar;
import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.ExecutionDetails;
import io.corral.api.FunctionRequest;
import io.corral.api.FunctionResult;
import io.corral.api.HttpAllowRule;
import io.corral.api.HttpAuth;
import io.corral.api.HttpMetrics;
import io.corral.api.HttpPolicy;
import io.corral.api.InputFile;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.Outcome;
import io.corral.api.OutputStatus;
import io.corral.api.ScriptRequest;
import io.corral.api.Tool;
import io.corral.api.ToolExecuteRequest;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Records with every field set to something other than its default, built through the API's builders. */
final class Samples {

    static final String BEARER_TOKEN = "tok-3141592653-literal-bearer";
    static final String BASIC_PASSWORD = "pw-2718281828-literal-basic";
    static final String HEADER_VALUE = "hv-1414213562-literal-header";
    static final String QUERY_VALUE = "qv-1732050807-literal-query";

    private Samples() {
    }

    static byte[] randomKey() {
        byte[] k = new byte[SecretKeyRing.KEY_BYTES];
        new SecureRandom().nextBytes(k);
        return k;
    }

    /** Ids that sort as ULIDs do: by creation order. */
    static String id(int n) {
        return String.format("01JTEST%019d", n);
    }

    static HttpPolicy httpWithEveryCredential() {
        return HttpPolicy.allow(
                HttpAllowRule.of("api.example.com").withAuth(HttpAuth.newBuilder()
                        .basic(HttpAuth.Basic.of("alice", BASIC_PASSWORD))
                        .bearer(HttpAuth.Bearer.of(BEARER_TOKEN))
                        .header(HttpAuth.Header.of("X-Api-Key", HEADER_VALUE))
                        .query(HttpAuth.Query.of("key", QUERY_VALUE))
                        .build()),
                HttpAllowRule.of("*.cdn.example.com:8443"),
                HttpAllowRule.of("vault.example.com").withAuth(HttpAuth.newBuilder()
                        .basic(HttpAuth.Basic.fromSecret("bob", "01JSECRETBASIC"))
                        .bearer(HttpAuth.Bearer.fromSecret("01JSECRETBEARER"))
                        .query(HttpAuth.Query.fromSecret("token", "01JSECRETQUERY"))
                        .build()),
                // Riza's wire form lets every part be empty
                HttpAllowRule.of("odd.example.com").withAuth(HttpAuth.newBuilder()
                        .basic(HttpAuth.Basic.of(null, null, null))
                        .header(HttpAuth.Header.of(null, null))
                        .build()));
    }

    static Limits everyLimit() {
        return Limits.newBuilder().executionTimeout(Duration.ofMillis(2_500)).memorySizeMib(256)
                .stdoutCapBytes(1234).stderrCapBytes(5678).build();
    }

    static Outcome timedOutTruncated() {
        return Outcome.of(Outcome.Kind.TIMED_OUT, Outcome.TIMED_OUT_STATUS).withTruncation(true, false)
                .withNotes(List.of("time limit of 2.5 s exceeded", "stdout truncated at 1234 bytes"));
    }

    static Execution script(String id) {
        ScriptRequest request = ScriptRequest.newBuilder(Language.PYTHON, "import sys\nprint(sys.argv, 'é 😀')\n")
                .stdin("line 1\nline 2\n")
                .args("a", "b c", "")
                .env("ZED", "last")
                .env("ALPHA", "first")
                .limits(everyLimit())
                .file("d/x.txt", "42")
                .file("empty.bin", null)
                .http(httpWithEveryCredential())
                .build();
        ExecResult result = ExecResult.newBuilder(id).outcome(timedOutTruncated()).stdout("['main.py', 'a']\n")
                .stderr("Traceback...\n\u0000nul").duration(2_501).build();
        return Execution.newBuilder(id, Language.PYTHON)
                .duration(2_502)
                .startedAt(Instant.parse("2025-06-01T12:34:56.123456789Z"))
                .details(ExecutionDetails.script(request, result))
                .notices(List.of("time limit of 2.5 s exceeded", "memory limit of 128 MiB exceeded"))
                .http(HttpMetrics.of(7, 2, 1_000_000_000_000L, 42))
                .build();
    }

    static Execution function(String id) {
        FunctionRequest request = FunctionRequest.newBuilder(Language.JAVASCRIPT,
                        "function execute(input) { return {n: input.n + 1}; }")
                .inputJson("{\"n\":  1, \"big\": 12345678901234567890123, \"f\": 1.50}")
                .env("MODE", "fast")
                .limits(Limits.newBuilder().memorySizeMib(64).build())
                .file("in.json", "{}")
                .http(HttpPolicy.allow(HttpAllowRule.of("*").withAuth(HttpAuth.bearer(BEARER_TOKEN))))
                .build();
        ExecResult exec = ExecResult.newBuilder(id)
                .outcome(Outcome.of(Outcome.Kind.GUEST_ERROR, 1).withTruncation(false, true)
                        .withNotes(List.of("stderr truncated at 5678 bytes")))
                .stdout("").stderr("TypeError: x is undefined").duration(17).build();
        return Execution.newBuilder(id, Language.JAVASCRIPT)
                .duration(18)
                .startedAt(Instant.parse("2025-06-01T12:35:00Z"))
                .details(ExecutionDetails.function(request, FunctionResult.of(exec, null, OutputStatus.ERROR)))
                .notices(List.of())
                .http(HttpMetrics.NONE)
                .build();
    }

    /** A function without input: {@code inputJson} null, which is not the same as the text {@code "null"}. */
    static Execution functionWithoutInput(String id) {
        FunctionRequest request = FunctionRequest.newBuilder(Language.PYTHON, "def execute(input): return input").build();
        ExecResult exec = ExecResult.newBuilder(id).build();
        return Execution.newBuilder(id, Language.PYTHON).startedAt(Instant.parse("2025-06-01T12:35:01Z"))
                .details(ExecutionDetails.function(request, FunctionResult.of(exec, "null", OutputStatus.VALID)))
                .build();
    }

    static Execution tool(String id) {
        ToolExecuteRequest request = ToolExecuteRequest.newBuilder()
                .inputJson("[1, 2,3]")
                .revisionId("01JREVISION")
                .env(EnvVar.literal("PLAIN", "v"), EnvVar.fromSecret("TOKEN", "01JSECRET"), EnvVar.of("EMPTY", null, null))
                .http(HttpPolicy.allow(HttpAllowRule.of("api.github.com").withAuth(
                        HttpAuth.newBuilder().bearer(HttpAuth.Bearer.fromSecret("01JSECRET")).build())))
                .build();
        ExecResult exec = ExecResult.newBuilder(id).outcome(Outcome.of(Outcome.Kind.EXITED, 3)).stdout("[SECRET]\n")
                .stderr("").duration(5).build();
        return Execution.newBuilder(id, Language.TYPESCRIPT)
                .duration(6)
                .startedAt(Instant.parse("1999-12-31T23:59:59.999999999Z"))
                .details(ExecutionDetails.tool("01JTOOL", request,
                        FunctionResult.of(exec, "{\"set\": [1,2]}", OutputStatus.JSON_SERIALIZATION_ERROR)))
                .notices(List.of("one"))
                .http(HttpMetrics.of(1, 0, 0, 99))
                .build();
    }

    /** A minimal script with the given exit code and start, for listing and pruning. */
    static Execution simple(String id, int exitCode, Instant startedAt) {
        Outcome outcome = exitCode == 0 ? Outcome.completed() : Outcome.of(Outcome.Kind.EXITED, exitCode);
        return Execution.newBuilder(id, Language.PYTHON).duration(1).startedAt(startedAt)
                .details(ExecutionDetails.script(ScriptRequest.of(Language.PYTHON, "print(1)"),
                        ExecResult.newBuilder(id).outcome(outcome).duration(1).build()))
                .build();
    }

    static Tool tool(String id, String revisionId, String name) {
        return Tool.newBuilder(id, revisionId).name(name).description("adds one to " + name)
                .code("def execute(input):\n    return input['n'] + 1\n").language(Language.PYTHON)
                .inputSchemaJson("{\"type\":  \"object\", \"required\": [\"n\"],\n \"properties\": {\"n\": {\"type\": \"integer\"}}}")
                .build();
    }
}
