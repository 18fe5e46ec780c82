package io.corral.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corral.api.HttpMetrics;
import io.corral.api.HttpPolicy;
import io.corral.api.InputFile;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.Outcome;
import io.corral.api.OutputStatus;
import io.corral.api.wire.RizaJson;
import io.corral.engine.lang.ExecutionBinding;
import io.corral.engine.lang.FunctionOutcome;
import io.corral.engine.lang.GuestStatus;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the worker protocol's {@code run} and {@code result} frames (docs/isolation.md). The
 * run frame carries what the guest sees (code, input, args, env, stdin, files, limits) and never
 * the request's HTTP rules or credentials: the worker's HTTP calls go back to the host's gateway.
 */
final class WorkerCodec {

    private static final ObjectMapper JSON = RizaJson.mapper();

    private WorkerCodec() {
    }

    /** One execution as the worker receives it. */
    record Run(Language language, GuestRunner.Work work, ExecutionBinding binding, Limits limits) {
    }

    static byte[] run(Language language, GuestRunner.Work work, ExecutionBinding binding, Limits limits) {
        ObjectNode o = JSON.createObjectNode();
        o.put("language", language.wireName());
        o.put("code", work.code());
        o.put("function", work.function());
        if (work.inputJson() != null) {
            o.put("input", work.inputJson());
        }
        o.put("script_path", binding.scriptPath());
        ArrayNode args = o.putArray("args");
        binding.args().forEach(args::add);
        ObjectNode env = o.putObject("env");
        binding.env().forEach(env::put);
        o.put("stdin", binding.stdin());
        ArrayNode files = o.putArray("files");
        for (InputFile f : binding.files()) {
            files.addObject().put("path", f.path()).put("contents", f.contents());
        }
        ObjectNode l = o.putObject("limits");
        l.put("timeout_ms", limits.executionTimeout().toMillis());
        l.put("memory_mib", limits.memorySizeMib());
        l.put("stdout_cap", limits.stdoutCapBytes());
        l.put("stderr_cap", limits.stderrCapBytes());
        return bytes(o);
    }

    static Run run(byte[] payload) throws IOException {
        JsonNode o = JSON.readTree(payload);
        Language language = Language.parse(o.path("language").asText());
        String code = o.path("code").asText();
        GuestRunner.Work work = o.path("function").asBoolean()
                ? GuestRunner.Work.function(code, o.hasNonNull("input") ? o.get("input").asText() : null)
                : GuestRunner.Work.script(code);
        List<String> args = new ArrayList<>();
        o.path("args").forEach(a -> args.add(a.asText()));
        Map<String, String> env = new LinkedHashMap<>();
        o.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        List<InputFile> files = new ArrayList<>();
        o.path("files").forEach(f -> files.add(InputFile.of(f.path("path").asText(), f.path("contents").asText())));
        ExecutionBinding binding = new ExecutionBinding(o.path("script_path").asText(), args, env,
                o.path("stdin").asText(), files, HttpPolicy.DENY_ALL);
        JsonNode l = o.path("limits");
        Limits limits = Limits.newBuilder().executionTimeout(Duration.ofMillis(l.path("timeout_ms").asLong()))
                .memorySizeMib(l.path("memory_mib").asInt()).stdoutCapBytes(l.path("stdout_cap").asLong())
                .stderrCapBytes(l.path("stderr_cap").asLong()).build();
        return new Run(language, work, binding, limits);
    }

    /** What the worker reports at the end: the outcome it decided, timing, and what execute produced. */
    record Result(Outcome outcome, long durationMillis, Instant startedAt, FunctionOutcome function) {
    }

    static byte[] result(GuestRunner.RunResult r) {
        ObjectNode o = JSON.createObjectNode();
        Outcome out = r.outcome();
        ObjectNode oc = o.putObject("outcome");
        oc.put("kind", out.kind().name());
        oc.put("exit_status", out.exitStatus());
        oc.put("stdout_truncated", out.stdoutTruncated());
        oc.put("stderr_truncated", out.stderrTruncated());
        ArrayNode notes = oc.putArray("notes");
        out.notes().forEach(notes::add);
        o.put("duration_ms", r.durationMillis());
        o.put("started_at", r.startedAt().toString());
        FunctionOutcome f = r.function();
        if (f != null) {
            ObjectNode fo = o.putObject("function");
            fo.put("status", f.status().name());
            if (f.outputJson() != null) {
                fo.put("output", f.outputJson());
            }
            fo.put("ended_kind", f.ended().kind().name());
            fo.put("ended_status", f.ended().exitStatus());
        }
        return bytes(o);
    }

    static Result result(byte[] payload) throws IOException {
        JsonNode o = JSON.readTree(payload);
        JsonNode oc = o.path("outcome");
        List<String> notes = new ArrayList<>();
        oc.path("notes").forEach(n -> notes.add(n.asText()));
        Outcome outcome = Outcome.of(Outcome.Kind.valueOf(oc.path("kind").asText()), oc.path("exit_status").asInt())
                .withTruncation(oc.path("stdout_truncated").asBoolean(), oc.path("stderr_truncated").asBoolean())
                .withNotes(notes);
        FunctionOutcome function = null;
        JsonNode fo = o.get("function");
        if (fo != null && fo.isObject()) {
            function = new FunctionOutcome(OutputStatus.valueOf(fo.path("status").asText()),
                    fo.hasNonNull("output") ? fo.get("output").asText() : null,
                    new GuestStatus(Outcome.Kind.valueOf(fo.path("ended_kind").asText()), fo.path("ended_status").asInt()));
        }
        return new Result(outcome, o.path("duration_ms").asLong(), Instant.parse(o.path("started_at").asText()),
                function);
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpMetrics noHttp() {
        return HttpMetrics.of(0, 0, 0, 0);
    }
}
