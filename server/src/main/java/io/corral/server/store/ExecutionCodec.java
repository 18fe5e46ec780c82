package io.corral.server.store;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.corral.api.Limits;
import io.corral.api.Outcome;
import io.corral.api.ScriptRequest;
import io.corral.api.ToolExecuteRequest;
import io.corral.api.wire.RizaJson;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Corral's storage form of an {@link Execution}: JSON that reads back equal, field for field, to
 * what was written. Riza's wire form ({@link RizaJson#execution}) cannot serve: it is written for
 * clients, so it cuts {@code started_at} to milliseconds, appends the outcome's notes to
 * {@code stderr}, drops the output caps, sub-second time limits and the HTTP metrics, reformats
 * JSON values and redacts credentials, and RizaJson has no reader for it.
 *
 * <pre>{@code
 * ExecutionCodec codec = ExecutionCodec.sealingCredentials(keys);
 * String json = codec.encode(execution);
 * codec.decode(json).equals(execution);   // true
 * }</pre>
 *
 * <p>The format is versioned ({@code "format": 1}); a later version adds a reader for each older
 * format it must still read. Timestamps are ISO-8601 with nanoseconds, durations ISO-8601
 * ({@code PT2.5S}), JSON values (function input and output) are kept as their exact text, and
 * enums by their wire names. Every string survives exactly, unpaired surrogates included: they
 * are written as {@code \\uXXXX} escapes, since the database stores text as UTF-8.
 *
 * <p>Literal HTTP credentials in a stored request (a basic password, a bearer token, a header or
 * query value) are encrypted when the codec has a {@link SecretKeyRing}, with the execution's id
 * as associated data, so they never reach the disk in clear. One that cannot be decrypted (the
 * key is gone) reads back as {@value RizaJson#REDACTED} rather than making the whole record
 * unreadable; the stored ciphertext is left as it is, so restoring the key brings it back.
 */
public final class ExecutionCodec {

    /** The format {@link #encode} writes. */
    public static final int FORMAT = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactoryBuilder()
            // stdout alone may be 20 MiB: far above Jackson's default cap on one string
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .characterEscapes(new SurrogateEscapes())
            .build());

    private final SecretKeyRing keys;

    private ExecutionCodec(SecretKeyRing keys) {
        this.keys = keys;
    }

    /** A codec that stores literal HTTP credentials as they are (tests, exports to trusted places). */
    public static ExecutionCodec plain() {
        return new ExecutionCodec(null);
    }

    /** A codec that encrypts literal HTTP credentials with the ring's current key. */
    public static ExecutionCodec sealingCredentials(SecretKeyRing keys) {
        return new ExecutionCodec(java.util.Objects.requireNonNull(keys, "keys"));
    }

    // ---- writing -------------------------------------------------------------------------

    public String encode(Execution e) {
        ObjectNode o = NODES.objectNode();
        o.put("format", FORMAT);
        o.put("id", e.id());
        o.put("language", e.language().wireName());
        o.put("duration", e.duration());
        o.put("started_at", e.startedAt().toString());
        ArrayNode notices = o.putArray("notices");
        e.notices().forEach(notices::add);
        HttpMetrics m = e.http();
        o.putObject("http").put("requests", m.requests()).put("refusals", m.refusals()).put("bytes_out", m.bytesOut())
                .put("bytes_in", m.bytesIn());
        ObjectNode d = o.putObject("details");
        d.put("type", e.type().wireName());
        Credentials credentials = new Credentials(e.id());
        switch (e.details()) {
            case ExecutionDetails.Script s -> {
                d.set("request", scriptRequest(s.request(), credentials));
                d.set("response", execResult(s.response()));
            }
            case ExecutionDetails.Function f -> {
                d.set("request", functionRequest(f.request(), credentials));
                d.set("response", functionResult(f.response()));
            }
            case ExecutionDetails.Tool t -> {
                d.put("tool_id", t.toolId());
                d.set("request", toolExecuteRequest(t.request(), credentials));
                d.set("response", functionResult(t.response()));
            }
        }
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write execution " + e.id() + ": " + ex.getOriginalMessage(), ex);
        }
    }

    private static ObjectNode scriptRequest(ScriptRequest r, Credentials credentials) {
        ObjectNode o = NODES.objectNode();
        o.put("language", r.language().wireName());
        o.put("code", r.code());
        o.put("stdin", r.stdin());
        ArrayNode args = o.putArray("args");
        r.args().forEach(args::add);
        o.set("env", env(r.env()));
        o.set("limits", limits(r.limits()));
        o.set("files", files(r.files()));
        o.set("http", http(r.http(), credentials));
        return o;
    }

    private static ObjectNode functionRequest(FunctionRequest r, Credentials credentials) {
        ObjectNode o = NODES.objectNode();
        o.put("language", r.language().wireName());
        o.put("code", r.code());
        putIfSet(o, "input_json", r.inputJson());
        o.set("env", env(r.env()));
        o.set("limits", limits(r.limits()));
        o.set("files", files(r.files()));
        o.set("http", http(r.http(), credentials));
        if (r.reusable()) {
            o.put("reusable", true);
        }
        return o;
    }

    private static ObjectNode toolExecuteRequest(ToolExecuteRequest r, Credentials credentials) {
        ObjectNode o = NODES.objectNode();
        putIfSet(o, "input_json", r.inputJson());
        putIfSet(o, "revision_id", r.revisionId());
        ArrayNode env = o.putArray("env");
        for (EnvVar v : r.env()) {
            ObjectNode e = env.addObject().put("name", v.name());
            putIfSet(e, "value", v.value());
            putIfSet(e, "secret_id", v.secretId());
        }
        o.set("http", http(r.http(), credentials));
        return o;
    }

    private static ObjectNode env(Map<String, String> env) {
        ObjectNode o = NODES.objectNode();
        env.forEach(o::put);
        return o;
    }

    private static ObjectNode limits(Limits l) {
        ObjectNode o = NODES.objectNode();
        if (l.executionTimeout() != null) {
            o.put("execution_timeout", l.executionTimeout().toString());
        }
        if (l.memorySizeMib() != null) {
            o.put("memory_size_mib", l.memorySizeMib());
        }
        if (l.stdoutCapBytes() != null) {
            o.put("stdout_cap_bytes", l.stdoutCapBytes());
        }
        if (l.stderrCapBytes() != null) {
            o.put("stderr_cap_bytes", l.stderrCapBytes());
        }
        return o;
    }

    private static ArrayNode files(List<InputFile> files) {
        ArrayNode a = NODES.arrayNode();
        files.forEach(f -> a.addObject().put("path", f.path()).put("contents", f.contents()));
        return a;
    }

    private static ObjectNode http(HttpPolicy http, Credentials credentials) {
        ObjectNode o = NODES.objectNode();
        ArrayNode allow = o.putArray("allow");
        for (HttpAllowRule r : http.allow()) {
            ObjectNode rule = allow.addObject().put("host", r.host());
            HttpAuth a = r.auth();
            if (a.isEmpty()) {
                continue;
            }
            ObjectNode auth = rule.putObject("auth");
            if (a.basic() != null) {
                ObjectNode b = auth.putObject("basic");
                putIfSet(b, "user_id", a.basic().userId());
                credentials.put(b, "password", a.basic().password());
                putIfSet(b, "secret_id", a.basic().secretId());
            }
            if (a.bearer() != null) {
                ObjectNode b = auth.putObject("bearer");
                credentials.put(b, "token", a.bearer().token());
                putIfSet(b, "secret_id", a.bearer().secretId());
            }
            if (a.header() != null) {
                ObjectNode h = auth.putObject("header");
                putIfSet(h, "name", a.header().name());
                credentials.put(h, "value", a.header().value());
            }
            if (a.query() != null) {
                ObjectNode q = auth.putObject("query");
                putIfSet(q, "key", a.query().key());
                credentials.put(q, "value", a.query().value());
                putIfSet(q, "secret_id", a.query().secretId());
            }
        }
        return o;
    }

    private static ObjectNode execResult(ExecResult r) {
        ObjectNode o = NODES.objectNode();
        o.put("id", r.id());
        Outcome out = r.outcome();
        ObjectNode outcome = o.putObject("outcome");
        outcome.put("kind", out.kind().wireName());
        outcome.put("exit_status", out.exitStatus());
        outcome.put("stdout_truncated", out.stdoutTruncated());
        outcome.put("stderr_truncated", out.stderrTruncated());
        ArrayNode notes = outcome.putArray("notes");
        out.notes().forEach(notes::add);
        o.put("stdout", r.stdout());
        o.put("stderr", r.stderr());
        o.put("duration", r.duration());
        return o;
    }

    private static ObjectNode functionResult(FunctionResult r) {
        ObjectNode o = NODES.objectNode();
        o.set("execution", execResult(r.execution()));
        o.put("output_json", r.outputJson());
        o.put("output_status", r.outputStatus().wireName());
        return o;
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    // ---- reading -------------------------------------------------------------------------

    /**
     * Reads a record written by {@link #encode}.
     *
     * @throws IllegalStateException when the text is not such a record (damaged, or a newer format)
     */
    public Execution decode(String json) {
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored execution is not valid JSON: " + e.getOriginalMessage(), e);
        }
        String id = o == null ? null : o.path("id").textValue();
        Reader in = new Reader(id == null ? "?" : id);
        int format = in.integer(o, "format");
        if (format != FORMAT) {
            throw new IllegalStateException("execution " + in.id + " is stored in format " + format
                    + ", but this version of Corral reads format " + FORMAT + " (a newer version wrote it)");
        }
        JsonNode d = in.object(o, "details");
        JsonNode req = in.object(d, "request");
        JsonNode res = in.object(d, "response");
        ExecutionDetails details = switch (StoredNames.executionType(in.text(d, "type"))) {
            case SCRIPT -> ExecutionDetails.script(in.scriptRequest(req), in.execResult(res));
            case FUNCTION -> ExecutionDetails.function(in.functionRequest(req), in.functionResult(res));
            case TOOL -> ExecutionDetails.tool(in.text(d, "tool_id"), in.toolExecuteRequest(req), in.functionResult(res));
        };
        JsonNode http = in.object(o, "http");
        return Execution.newBuilder(in.text(o, "id"), StoredNames.language(in.text(o, "language")))
                .duration(in.longValue(o, "duration"))
                .startedAt(Instant.parse(in.text(o, "started_at")))
                .details(details)
                .notices(in.strings(o, "notices"))
                .http(HttpMetrics.of(in.integer(http, "requests"), in.integer(http, "refusals"),
                        in.longValue(http, "bytes_out"), in.longValue(http, "bytes_in")))
                .build();
    }

    /** Reads one record, naming it and the missing or mistyped field when something is wrong. */
    private final class Reader {
        private final String id;

        Reader(String id) {
            this.id = id;
        }

        ScriptRequest scriptRequest(JsonNode r) {
            return ScriptRequest.newBuilder(StoredNames.language(text(r, "language")), text(r, "code"))
                    .stdin(text(r, "stdin")).args(strings(r, "args")).env(env(object(r, "env")))
                    .limits(limits(object(r, "limits"))).files(files(r)).http(http(object(r, "http"))).build();
        }

        FunctionRequest functionRequest(JsonNode r) {
            return FunctionRequest.newBuilder(StoredNames.language(text(r, "language")), text(r, "code"))
                    .inputJson(optionalText(r, "input_json")).env(env(object(r, "env")))
                    .limits(limits(object(r, "limits"))).files(files(r)).http(http(object(r, "http")))
                    .reusable(r.path("reusable").asBoolean(false)).build();
        }

        ToolExecuteRequest toolExecuteRequest(JsonNode r) {
            List<EnvVar> env = new ArrayList<>();
            for (JsonNode e : array(r, "env")) {
                env.add(EnvVar.of(text(e, "name"), optionalText(e, "value"), optionalText(e, "secret_id")));
            }
            return ToolExecuteRequest.newBuilder().inputJson(optionalText(r, "input_json"))
                    .revisionId(optionalText(r, "revision_id")).env(env).http(http(object(r, "http"))).build();
        }

        Map<String, String> env(JsonNode o) {
            Map<String, String> env = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                env.put(e.getKey(), text(o, e.getKey()));
            }
            return env;
        }

        Limits limits(JsonNode o) {
            Limits.Builder b = Limits.newBuilder();
            String timeout = optionalText(o, "execution_timeout");
            if (timeout != null) {
                b.executionTimeout(Duration.parse(timeout));
            }
            if (o.has("memory_size_mib")) {
                b.memorySizeMib(integer(o, "memory_size_mib"));
            }
            if (o.has("stdout_cap_bytes")) {
                b.stdoutCapBytes(longValue(o, "stdout_cap_bytes"));
            }
            if (o.has("stderr_cap_bytes")) {
                b.stderrCapBytes(longValue(o, "stderr_cap_bytes"));
            }
            return b.build();
        }

        List<InputFile> files(JsonNode r) {
            List<InputFile> files = new ArrayList<>();
            for (JsonNode f : array(r, "files")) {
                files.add(InputFile.of(text(f, "path"), text(f, "contents")));
            }
            return files;
        }

        HttpPolicy http(JsonNode o) {
            List<HttpAllowRule> rules = new ArrayList<>();
            for (JsonNode r : array(o, "allow")) {
                HttpAllowRule rule = HttpAllowRule.of(text(r, "host"));
                JsonNode a = r.get("auth");
                if (a != null) {
                    HttpAuth.Builder auth = HttpAuth.newBuilder();
                    JsonNode b = a.get("basic");
                    if (b != null) {
                        auth.basic(HttpAuth.Basic.of(optionalText(b, "user_id"), credential(b, "password"),
                                optionalText(b, "secret_id")));
                    }
                    JsonNode t = a.get("bearer");
                    if (t != null) {
                        auth.bearer(HttpAuth.Bearer.of(credential(t, "token"), optionalText(t, "secret_id")));
                    }
                    JsonNode h = a.get("header");
                    if (h != null) {
                        auth.header(HttpAuth.Header.of(optionalText(h, "name"), credential(h, "value")));
                    }
                    JsonNode q = a.get("query");
                    if (q != null) {
                        auth.query(HttpAuth.Query.of(optionalText(q, "key"), credential(q, "value"),
                                optionalText(q, "secret_id")));
                    }
                    rule = rule.withAuth(auth.build());
                }
                rules.add(rule);
            }
            return HttpPolicy.allow(rules);
        }

        ExecResult execResult(JsonNode r) {
            JsonNode o = object(r, "outcome");
            Outcome outcome = Outcome.of(StoredNames.outcomeKind(text(o, "kind")), integer(o, "exit_status"))
                    .withTruncation(bool(o, "stdout_truncated"), bool(o, "stderr_truncated"))
                    .withNotes(strings(o, "notes"));
            return ExecResult.newBuilder(text(r, "id")).outcome(outcome).stdout(text(r, "stdout"))
                    .stderr(text(r, "stderr")).duration(longValue(r, "duration")).build();
        }

        FunctionResult functionResult(JsonNode r) {
            return FunctionResult.of(execResult(object(r, "execution")), text(r, "output_json"),
                    StoredNames.outputStatus(text(r, "output_status")));
        }

        /** A literal credential: text as written, or sealed with the key ring. */
        String credential(JsonNode holder, String field) {
            JsonNode n = holder.get(field);
            if (n == null || n.isNull()) {
                return null;
            }
            if (n.isTextual()) {
                return n.textValue();
            }
            if (!n.isObject()) {
                throw damaged(field, "text or a sealed value");
            }
            if (keys == null) {
                return RizaJson.REDACTED;
            }
            SecretKeyRing.Sealed sealed = new SecretKeyRing.Sealed(text(n, "key_id"),
                    Base64.getDecoder().decode(text(n, "nonce")), Base64.getDecoder().decode(text(n, "ciphertext")));
            try {
                return new String(keys.open(sealed, credentialAssociatedData(id),
                        "a credential of execution " + id), StandardCharsets.UTF_8);
            } catch (SecretKeyRing.UnreadableException e) {
                return RizaJson.REDACTED;
            }
        }

        String text(JsonNode o, String field) {
            JsonNode n = o.get(field);
            if (n == null || !n.isTextual()) {
                throw damaged(field, "text");
            }
            return n.textValue();
        }

        String optionalText(JsonNode o, String field) {
            JsonNode n = o.get(field);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isTextual()) {
                throw damaged(field, "text");
            }
            return n.textValue();
        }

        int integer(JsonNode o, String field) {
            JsonNode n = o.get(field);
            if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
                throw damaged(field, "an integer");
            }
            return n.intValue();
        }

        long longValue(JsonNode o, String field) {
            JsonNode n = o.get(field);
            if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
                throw damaged(field, "an integer");
            }
            return n.longValue();
        }

        boolean bool(JsonNode o, String field) {
            JsonNode n = o.get(field);
            if (n == null || !n.isBoolean()) {
                throw damaged(field, "true or false");
            }
            return n.booleanValue();
        }

        JsonNode object(JsonNode o, String field) {
            JsonNode n = o == null ? null : o.get(field);
            if (n == null || !n.isObject()) {
                throw damaged(field, "an object");
            }
            return n;
        }

        JsonNode array(JsonNode o, String field) {
            JsonNode n = o.get(field);
            if (n == null || !n.isArray()) {
                throw damaged(field, "an array");
            }
            return n;
        }

        List<String> strings(JsonNode o, String field) {
            List<String> out = new ArrayList<>();
            for (JsonNode n : array(o, field)) {
                if (!n.isTextual()) {
                    throw damaged(field, "an array of text");
                }
                out.add(n.textValue());
            }
            return out;
        }

        private IllegalStateException damaged(String field, String expected) {
            return new IllegalStateException("stored execution " + id + " is damaged: '" + field + "' is not "
                    + expected);
        }
    }

    /** Writes literal credentials of one execution, sealed when there is a key ring. */
    private final class Credentials {
        private final String executionId;

        Credentials(String executionId) {
            this.executionId = executionId;
        }

        void put(ObjectNode holder, String field, String value) {
            if (value == null) {
                return;
            }
            if (keys == null) {
                holder.put(field, value);
                return;
            }
            SecretKeyRing.Sealed s = keys.seal(value.getBytes(StandardCharsets.UTF_8),
                    credentialAssociatedData(executionId));
            holder.putObject(field).put("key_id", s.keyId())
                    .put("nonce", Base64.getEncoder().encodeToString(s.nonce()))
                    .put("ciphertext", Base64.getEncoder().encodeToString(s.ciphertext()));
        }
    }

    private static byte[] credentialAssociatedData(String executionId) {
        return ("corral/execution-credential/" + executionId).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Escapes UTF-16 surrogates as {@code \\uXXXX}: an unpaired one would not survive the database's
     * UTF-8, and a pair read back from two escapes is the same character. Everything else is
     * written as it is.
     */
    private static final class SurrogateEscapes extends CharacterEscapes {
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Character.isSurrogate((char) ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }
}
