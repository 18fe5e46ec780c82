package io.corral.api.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corral.api.EnvVar;
import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.ExecutionDetails;
import io.corral.api.FunctionRequest;
import io.corral.api.FunctionResult;
import io.corral.api.Outcome;
import io.corral.api.HttpAllowRule;
import io.corral.api.HttpAuth;
import io.corral.api.HttpPolicy;
import io.corral.api.InputFile;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.RequestRejectedException;
import io.corral.api.Page;
import io.corral.api.ScriptRequest;
import io.corral.api.Secret;
import io.corral.api.SecretSpec;
import io.corral.api.Tool;
import io.corral.api.ToolExecuteRequest;
import io.corral.api.ToolSpec;
import io.corral.api.ToolUpdate;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps Corral's types to and from Riza's wire JSON (snake_case, milliseconds, RFC 3339 UTC).
 * Reading is lenient where Riza clients were (unknown fields ignored, {@code null} for optional
 * objects, upper-case language names) and strict on types: a wrong type is a
 * {@link RequestRejectedException} naming the field.
 *
 * <pre>{@code
 * ScriptRequest req = RizaJson.scriptRequest(RizaJson.parse(body));
 * String json = RizaJson.write(RizaJson.execution(engine.run(req)));
 * }</pre>
 */
public final class RizaJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RizaJson() {
    }

    /** The shared mapper (thread-safe). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a request body; malformed JSON is rejected naming the body. */
    public static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw RequestRejectedException.invalid("body", "is empty", "a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw RequestRejectedException.invalid("body", "is not valid JSON (" + e.getOriginalMessage() + ")",
                    "a JSON object");
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String writePretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- reading -------------------------------------------------------------------------

    /** Reads a {@code POST /v1/execute} body. */
    public static ScriptRequest scriptRequest(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw RequestRejectedException.invalid("body", "must be a JSON object", "{\"language\": ..., \"code\": ...}");
        }
        Language language = Language.parse(requiredString(body, "language"));
        String code = requiredString(body, "code");
        rejectRuntimeRevision(body);
        return ScriptRequest.newBuilder(language, code).stdin(optionalString(body, "stdin"))
                .args(stringList(body, "args")).env(stringMap(body, "env")).limits(limits(body.get("limits")))
                .files(files(body)).http(http(body)).build();
    }

    /** Reads a {@code POST /v1/execute-function} body; {@code input} may be any JSON value. */
    public static FunctionRequest functionRequest(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw RequestRejectedException.invalid("body", "must be a JSON object",
                    "{\"language\": ..., \"code\": ..., \"input\": ...}");
        }
        Language language = Language.parse(requiredString(body, "language"));
        String code = requiredString(body, "code");
        rejectRuntimeRevision(body);
        JsonNode input = body.get("input");
        String inputJson = input == null || input.isMissingNode() ? null : write(input);
        return FunctionRequest.newBuilder(language, code).inputJson(inputJson).env(stringMap(body, "env"))
                .limits(limits(body.get("limits"))).files(files(body)).http(http(body))
                .reusable(Boolean.TRUE.equals(optionalBoolean(body, "reusable"))).build();
    }

    /** Reads Riza's {@code limits} object ({@code execution_timeout} seconds, {@code memory_size} MiB). */
    public static Limits limits(JsonNode node) {
        if (node == null || node.isNull()) {
            return Limits.INHERIT;
        }
        if (!node.isObject()) {
            throw RequestRejectedException.invalid("limits", "must be an object",
                    "{\"execution_timeout\": seconds, \"memory_size\": MiB}");
        }
        Limits.Builder b = Limits.newBuilder();
        JsonNode timeout = node.get("execution_timeout");
        if (timeout != null && !timeout.isNull()) {
            // Riza's type is an integer; clients written in JavaScript or Python send 5.0 as readily
            if (!timeout.isNumber() || !Double.isFinite(timeout.doubleValue()) || timeout.doubleValue() > 1e9) {
                throw RequestRejectedException.invalid("limits.execution_timeout", "must be a number of seconds, got "
                        + kind(timeout), "a number of seconds, e.g. 5 or 2.5");
            }
            b.executionTimeout(timeout.isIntegralNumber() && timeout.canConvertToLong()
                    ? Duration.ofSeconds(timeout.longValue())
                    : Duration.ofNanos(Math.round(timeout.doubleValue() * 1e9)));
        }
        Long memory = optionalInteger(node, "memory_size", "limits.memory_size");
        if (memory != null) {
            if (memory > Integer.MAX_VALUE || memory < Integer.MIN_VALUE) {
                throw RequestRejectedException.invalid("limits.memory_size", "is out of range", "a size in MiB");
            }
            b.memorySizeMib(memory.intValue());
        }
        return b.build();
    }

    /** Reads a {@code POST /v1/tools} body; {@code input_schema} may be any JSON (checked by the engine). */
    public static ToolSpec toolSpec(JsonNode body) {
        requireObject(body, "{\"name\": ..., \"language\": ..., \"code\": ..., \"input_schema\": {...}}");
        rejectRuntimeRevision(body);
        JsonNode schema = body.get("input_schema");
        return ToolSpec.newBuilder(requiredString(body, "name"), Language.parse(requiredString(body, "language")),
                        requiredString(body, "code"))
                .description(nullableString(body, "description"))
                .inputSchemaJson(schema == null || schema.isNull() ? null : write(schema))
                .warmInstances(Boolean.TRUE.equals(optionalBoolean(body, "warm_instances"))).build();
    }

    /** Reads a {@code POST /v1/tools/{id}} body: absent and {@code null} fields stay unchanged. */
    public static ToolUpdate toolUpdate(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return ToolUpdate.NONE;
        }
        requireObject(body, "{\"name\"?, \"description\"?, \"code\"?, \"language\"?, \"input_schema\"?, "
                + "\"warm_instances\"?}");
        rejectRuntimeRevision(body);
        String language = nullableString(body, "language");
        JsonNode schema = body.get("input_schema");
        return ToolUpdate.newBuilder().name(nullableString(body, "name"))
                .description(nullableString(body, "description")).code(nullableString(body, "code"))
                .language(language == null ? null : Language.parse(language))
                .inputSchemaJson(schema == null || schema.isNull() ? null : write(schema))
                .warmInstances(optionalBoolean(body, "warm_instances")).build();
    }

    /**
     * Reads a {@code POST /v1/tools/{id}/execute} body ({@code {}} and a missing body are fine).
     * {@code env} is Riza's array form; each entry has a {@code value} or a {@code secret_id}.
     */
    public static ToolExecuteRequest toolExecuteRequest(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return ToolExecuteRequest.EMPTY;
        }
        requireObject(body, "{\"input\"?, \"revision_id\"?, \"env\"?: [{\"name\", \"value\"? | \"secret_id\"?}]}");
        rejectRuntimeRevision(body);
        JsonNode input = body.get("input");
        String inputJson = input == null || input.isMissingNode() ? null : write(input);
        List<EnvVar> env = new ArrayList<>();
        JsonNode envNode = body.get("env");
        if (envNode != null && !envNode.isNull()) {
            if (!envNode.isArray()) {
                throw RequestRejectedException.invalid("env", "must be an array, got " + kind(envNode),
                        "[{\"name\": \"NAME\", \"value\": \"...\"} or {\"name\": \"NAME\", \"secret_id\": \"...\"}]");
            }
            for (int i = 0; i < envNode.size(); i++) {
                JsonNode e = envNode.get(i);
                String field = "env[" + i + "]";
                if (!e.isObject()) {
                    throw RequestRejectedException.invalid(field, "must be an object, got " + kind(e),
                            "{\"name\": ..., \"value\": ...} or {\"name\": ..., \"secret_id\": ...}");
                }
                String name = nullableString(e, "name", field + ".name");
                String value = nullableString(e, "value", field + ".value");
                String secretId = nullableString(e, "secret_id", field + ".secret_id");
                if (name == null || name.isEmpty()) {
                    throw RequestRejectedException.invalid(field + ".name", "is required", "a variable name");
                }
                if (value != null && secretId != null) {
                    throw RequestRejectedException.invalid(field, "has both value and secret_id",
                            "at most one of value and secret_id");
                }
                // Riza's SDKs mark value optional: a name alone sets the variable to the empty string
                env.add(EnvVar.of(name, secretId == null && value == null ? "" : value, secretId));
            }
        }
        return ToolExecuteRequest.newBuilder().inputJson(inputJson).revisionId(nullableString(body, "revision_id"))
                .env(env).http(http(body)).build();
    }

    /** Reads a {@code POST /v1/secrets} body. */
    public static SecretSpec secretSpec(JsonNode body) {
        requireObject(body, "{\"name\": ..., \"value\": ...}");
        return SecretSpec.of(requiredString(body, "name"), requiredString(body, "value"));
    }

    private static void requireObject(JsonNode body, String allowed) {
        if (body == null || !body.isObject()) {
            throw RequestRejectedException.invalid("body", "must be a JSON object", allowed);
        }
    }

    private static void rejectRuntimeRevision(JsonNode body) {
        JsonNode revision = body.get("runtime_revision_id");
        if (revision != null && !revision.isNull() && !revision.asText().isEmpty()) {
            throw RequestRejectedException.invalid("runtime_revision_id", "custom runtimes are not supported",
                    "omit runtime_revision_id (the standard library of each language is available)");
        }
    }

    private static String nullableString(JsonNode body, String key) {
        return nullableString(body, key, key);
    }

    private static String nullableString(JsonNode body, String key, String field) {
        JsonNode n = body.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw RequestRejectedException.invalid(field, "must be a string, got " + kind(n), "a string");
        }
        return n.textValue();
    }

    /** Reads Riza's {@code files} array ({@code [{path, contents}]}). */
    public static List<InputFile> files(JsonNode body) {
        JsonNode n = body.get("files");
        List<InputFile> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw RequestRejectedException.invalid("files", "must be an array, got " + kind(n),
                    "[{\"path\": \"d/x.txt\", \"contents\": \"...\"}]");
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode f = n.get(i);
            if (!f.isObject()) {
                throw RequestRejectedException.invalid("files[" + i + "]", "must be an object, got " + kind(f),
                        "{\"path\": ..., \"contents\": ...}");
            }
            String path = textField(f, "path", "files[" + i + "].path");
            String contents = textField(f, "contents", "files[" + i + "].contents");
            if (contents == null) {
                // the earliest clients named it content
                contents = textField(f, "content", "files[" + i + "].content");
            }
            out.add(InputFile.of(path == null ? "" : path, contents));
        }
        return out;
    }

    /**
     * Reads Riza's {@code http} object, and the legacy {@code allow_http_hosts} list (hosts with
     * no credentials). Both forms of {@code auth} are accepted: literal values and {@code secret_id}.
     */
    public static HttpPolicy http(JsonNode body) {
        List<HttpAllowRule> rules = new ArrayList<>();
        JsonNode http = body.get("http");
        if (http != null && !http.isNull()) {
            if (!http.isObject()) {
                throw RequestRejectedException.invalid("http", "must be an object, got " + kind(http),
                        "{\"allow\": [{\"host\": ..., \"auth\": ...}]}");
            }
            JsonNode allow = http.get("allow");
            if (allow != null && !allow.isNull()) {
                if (!allow.isArray()) {
                    throw RequestRejectedException.invalid("http.allow", "must be an array, got " + kind(allow),
                            "[{\"host\": \"api.example.com\"}]");
                }
                for (int i = 0; i < allow.size(); i++) {
                    rules.add(allowRule(allow.get(i), "http.allow[" + i + "]"));
                }
            }
        }
        JsonNode legacy = body.get("allow_http_hosts");
        if (legacy != null && !legacy.isNull()) {
            for (String host : stringList(body, "allow_http_hosts")) {
                rules.add(HttpAllowRule.of(host));
            }
        }
        return HttpPolicy.allow(rules);
    }

    private static HttpAllowRule allowRule(JsonNode r, String field) {
        if (!r.isObject()) {
            throw RequestRejectedException.invalid(field, "must be an object, got " + kind(r),
                    "{\"host\": ..., \"auth\": ...}");
        }
        String host = textField(r, "host", field + ".host");
        if (host == null || host.isBlank()) {
            throw RequestRejectedException.invalid(field + ".host", "is required",
                    "a host name, '*.example.com' or '*'");
        }
        JsonNode a = r.get("auth");
        if (a == null || a.isNull()) {
            return HttpAllowRule.of(host);
        }
        if (!a.isObject()) {
            throw RequestRejectedException.invalid(field + ".auth", "must be an object, got " + kind(a),
                    "{\"bearer\": {\"token\": ...}} or basic, header, query");
        }
        String af = field + ".auth";
        HttpAuth.Basic basic = null;
        HttpAuth.Bearer bearer = null;
        HttpAuth.Header header = null;
        HttpAuth.Query query = null;
        JsonNode b = object(a, "basic", af + ".basic");
        if (b != null) {
            basic = HttpAuth.Basic.of(textField(b, "user_id", af + ".basic.user_id"),
                    textField(b, "password", af + ".basic.password"), textField(b, "secret_id", af + ".basic.secret_id"));
        }
        JsonNode t = object(a, "bearer", af + ".bearer");
        if (t != null) {
            bearer = HttpAuth.Bearer.of(textField(t, "token", af + ".bearer.token"),
                    textField(t, "secret_id", af + ".bearer.secret_id"));
        }
        JsonNode h = object(a, "header", af + ".header");
        if (h != null) {
            header = HttpAuth.Header.of(textField(h, "name", af + ".header.name"),
                    textField(h, "value", af + ".header.value"));
        }
        JsonNode q = object(a, "query", af + ".query");
        if (q != null) {
            query = HttpAuth.Query.of(textField(q, "key", af + ".query.key"), textField(q, "value", af + ".query.value"),
                    textField(q, "secret_id", af + ".query.secret_id"));
        }
        return HttpAllowRule.of(host).withAuth(HttpAuth.newBuilder().basic(basic).bearer(bearer).header(header)
                .query(query).build());
    }

    private static JsonNode object(JsonNode parent, String key, String field) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw RequestRejectedException.invalid(field, "must be an object, got " + kind(n), "an object");
        }
        return n;
    }

    private static String textField(JsonNode obj, String key, String field) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw RequestRejectedException.invalid(field, "must be a string, got " + kind(n), "a string");
        }
        return n.textValue();
    }

    private static String requiredString(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            throw RequestRejectedException.invalid(field, "is required", "a string");
        }
        if (!n.isTextual()) {
            throw RequestRejectedException.invalid(field, "must be a string, got " + kind(n), "a string");
        }
        return n.textValue();
    }

    private static String optionalString(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isTextual()) {
            throw RequestRejectedException.invalid(field, "must be a string, got " + kind(n), "a string");
        }
        return n.textValue();
    }

    /** Corral's own optional flags ({@code warm_instances}, {@code reusable}): null when absent or null. */
    private static Boolean optionalBoolean(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw RequestRejectedException.invalid(field, "must be true or false, got " + kind(n), "true or false");
        }
        return n.booleanValue();
    }

    private static Long optionalInteger(JsonNode obj, String key, String field) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return n.longValue();
        }
        // 128.0 is the integer 128 (JSON has one number type; JavaScript writes whole floats so)
        if (n.isFloatingPointNumber() && Double.isFinite(n.doubleValue()) && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 9.0e15) {
            return (long) n.doubleValue();
        }
        throw RequestRejectedException.invalid(field, "must be an integer, got " + (n.isNumber()
                ? n.asText() : kind(n)), "an integer");
    }

    private static List<String> stringList(JsonNode body, String field) {
        JsonNode n = body.get(field);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw RequestRejectedException.invalid(field, "must be an array of strings, got " + kind(n),
                    "an array of strings");
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isTextual()) {
                throw RequestRejectedException.invalid(field + "[" + i + "]", "must be a string, got " + kind(e),
                        "a string");
            }
            out.add(e.textValue());
        }
        return out;
    }

    private static Map<String, String> stringMap(JsonNode body, String field) {
        JsonNode n = body.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw RequestRejectedException.invalid(field, "must be an object of strings, got " + kind(n),
                    "{\"NAME\": \"value\", ...}");
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw RequestRejectedException.invalid(field + "." + e.getKey(),
                        "must be a string, got " + kind(e.getValue()), "a string");
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case NULL, MISSING -> "null";
            case BINARY -> "binary data";
        };
    }

    // ---- writing -------------------------------------------------------------------------

    /**
     * Riza's {@code ExecResult}: {@code id, exit_code, stdout, stderr, duration}. Its {@code stderr}
     * is the guest's own followed by the host's notes about how the run ended, one line each
     * ({@code corral: time limit of 30 s exceeded}), as Riza's clients read a run's problems there.
     */
    public static ObjectNode execResult(ExecResult r) {
        ObjectNode o = NODES.objectNode();
        o.put("id", r.id());
        o.put("exit_code", r.exitCode());
        o.put("stdout", r.stdout());
        o.put("stderr", rizaStderr(r));
        o.put("duration", r.duration());
        return o;
    }

    /** The guest's stderr, then each of the outcome's notes on a line of its own, prefixed {@code corral: }. */
    public static String rizaStderr(ExecResult r) {
        List<String> notes = r.outcome().notes();
        if (notes.isEmpty()) {
            return r.stderr();
        }
        StringBuilder sb = new StringBuilder(r.stderr());
        if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '\n') {
            sb.append('\n');
        }
        for (String note : notes) {
            sb.append("corral: ").append(note).append('\n');
        }
        return sb.toString();
    }

    /**
     * How the run ended, in Corral's own field (not Riza's; its clients ignore it):
     * {@code {"kind": "exited", "exit_status": 124, "stdout_truncated": false, "stderr_truncated": false}}.
     */
    public static ObjectNode outcome(Outcome outcome) {
        ObjectNode o = NODES.objectNode();
        o.put("kind", outcome.kind().wireName());
        o.put("exit_status", outcome.exitStatus());
        o.put("stdout_truncated", outcome.stdoutTruncated());
        o.put("stderr_truncated", outcome.stderrTruncated());
        return o;
    }

    /** The {@code /v1/execute} request as it is echoed in {@code details.request}. */
    public static ObjectNode scriptRequest(ScriptRequest r) {
        ObjectNode o = NODES.objectNode();
        o.put("language", r.language().wireName());
        o.put("code", r.code());
        if (!r.stdin().isEmpty()) {
            o.put("stdin", r.stdin());
        }
        if (!r.args().isEmpty()) {
            ArrayNode a = o.putArray("args");
            r.args().forEach(a::add);
        }
        if (!r.env().isEmpty()) {
            ObjectNode env = o.putObject("env");
            r.env().forEach(env::put);
        }
        if (!r.limits().isEmpty()) {
            o.set("limits", limits(r.limits()));
        }
        writeFilesAndHttp(o, r.files(), r.http());
        return o;
    }

    /** The {@code /v1/execute-function} request as it is echoed in {@code details.request}. */
    public static ObjectNode functionRequest(FunctionRequest r) {
        ObjectNode o = NODES.objectNode();
        o.put("language", r.language().wireName());
        o.put("code", r.code());
        if (r.inputJson() != null) {
            o.set("input", parseValue(r.inputJson()));
        }
        if (!r.env().isEmpty()) {
            ObjectNode env = o.putObject("env");
            r.env().forEach(env::put);
        }
        if (!r.limits().isEmpty()) {
            o.set("limits", limits(r.limits()));
        }
        writeFilesAndHttp(o, r.files(), r.http());
        if (r.reusable()) {
            o.put("reusable", true);
        }
        return o;
    }

    private static void writeFilesAndHttp(ObjectNode o, List<InputFile> files, HttpPolicy http) {
        if (!files.isEmpty()) {
            ArrayNode a = o.putArray("files");
            for (InputFile f : files) {
                a.addObject().put("path", f.path()).put("contents", f.contents());
            }
        }
        if (!http.isDenyAll()) {
            o.set("http", http(http));
        }
    }

    /** Riza's {@code http} object, credentials included as given (redact before storing). */
    public static ObjectNode http(HttpPolicy http) {
        ObjectNode o = NODES.objectNode();
        ArrayNode allow = o.putArray("allow");
        for (HttpAllowRule r : http.allow()) {
            ObjectNode rule = allow.addObject();
            rule.put("host", r.host());
            HttpAuth a = r.auth();
            if (a.isEmpty()) {
                continue;
            }
            ObjectNode auth = rule.putObject("auth");
            if (a.basic() != null) {
                putAll(auth.putObject("basic"), "user_id", a.basic().userId(), "password", a.basic().password(),
                        "secret_id", a.basic().secretId());
            }
            if (a.bearer() != null) {
                putAll(auth.putObject("bearer"), "token", a.bearer().token(), "secret_id", a.bearer().secretId());
            }
            if (a.header() != null) {
                putAll(auth.putObject("header"), "name", a.header().name(), "value", a.header().value());
            }
            if (a.query() != null) {
                putAll(auth.putObject("query"), "key", a.query().key(), "value", a.query().value(),
                        "secret_id", a.query().secretId());
            }
        }
        return o;
    }

    private static void putAll(ObjectNode o, String... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                o.put(keyValues[i], keyValues[i + 1]);
            }
        }
    }

    /** Riza's {@code FunctionResult}: {@code execution}, {@code output}, {@code output_status}. */
    public static ObjectNode functionResult(FunctionResult r) {
        ObjectNode o = NODES.objectNode();
        ObjectNode ex = execResult(r.execution());
        o.set("execution", ex);
        o.set("output", parseValue(r.outputJson()));
        o.put("output_status", r.outputStatus().wireName());
        return o;
    }

    /** Parses JSON text produced by Corral itself (a guest's serialized value). */
    public static JsonNode parseValue(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Riza's {@code limits} object: only the fields that are set. */
    public static ObjectNode limits(Limits l) {
        ObjectNode o = NODES.objectNode();
        if (l.executionTimeout() != null) {
            o.put("execution_timeout", l.executionTimeout().toSeconds());
        }
        if (l.memorySizeMib() != null) {
            o.put("memory_size", l.memorySizeMib());
        }
        return o;
    }

    /** Riza's {@code Tool}; {@code description} and {@code input_schema} are always present. */
    public static ObjectNode tool(Tool t) {
        ObjectNode o = NODES.objectNode();
        o.put("id", t.id());
        o.put("name", t.name());
        o.put("description", t.description());
        o.put("code", t.code());
        o.put("language", t.language().wireName());
        o.set("input_schema", parseValue(t.inputSchemaJson()));
        o.put("revision_id", t.revisionId());
        // Corral's own field, written only when set, so Riza's shape is unchanged for other tools
        if (t.warmInstances()) {
            o.put("warm_instances", true);
        }
        return o;
    }

    /** Riza's {@code Secret}: {@code id} and {@code name}, never the value. */
    public static ObjectNode secret(Secret s) {
        ObjectNode o = NODES.objectNode();
        o.put("id", s.id());
        o.put("name", s.name());
        return o;
    }

    /** The tool-execute request as echoed in {@code details.request}; secret references stay references. */
    public static ObjectNode toolExecuteRequest(ToolExecuteRequest r) {
        ObjectNode o = NODES.objectNode();
        if (r.inputJson() != null) {
            o.set("input", parseValue(r.inputJson()));
        }
        if (r.revisionId() != null) {
            o.put("revision_id", r.revisionId());
        }
        ArrayNode env = o.putArray("env");
        for (EnvVar v : r.env()) {
            ObjectNode e = env.addObject();
            e.put("name", v.name());
            if (v.isSecret()) {
                e.put("secret_id", v.secretId());
            } else {
                e.put("value", v.value());
            }
        }
        if (!r.http().isDenyAll()) {
            o.set("http", http(r.http()));
        }
        return o;
    }

    /** {@code GET /v1/tools}: {@code {"tools": [...]}}. */
    public static ObjectNode toolList(Page<Tool> page) {
        ObjectNode o = NODES.objectNode();
        ArrayNode a = o.putArray("tools");
        page.items().forEach(t -> a.add(tool(t)));
        return o;
    }

    /** {@code GET /v1/secrets}: {@code {"secrets": [...]}}. */
    public static ObjectNode secretList(Page<Secret> page) {
        ObjectNode o = NODES.objectNode();
        ArrayNode a = o.putArray("secrets");
        page.items().forEach(s -> a.add(secret(s)));
        return o;
    }

    /** {@code GET /v1/executions}: {@code {"data": [...]}}. */
    public static ObjectNode executionList(Page<Execution> page) {
        ObjectNode o = NODES.objectNode();
        ArrayNode a = o.putArray("data");
        page.items().forEach(e -> a.add(execution(e)));
        return o;
    }

    /** What a redacted credential reads as in a stored request. */
    public static final String REDACTED = "[REDACTED]";

    /**
     * Blanks literal credentials in a request echo: {@code http.allow[].auth.basic.password},
     * {@code bearer.token}, {@code header.value} and {@code query.value}. A {@code secret_id} stays,
     * since it is a reference, not a value. Changes {@code request} in place and returns it.
     */
    public static ObjectNode redactCredentials(ObjectNode request) {
        JsonNode http = request == null ? null : request.get("http");
        JsonNode allow = http == null ? null : http.get("allow");
        if (allow == null || !allow.isArray()) {
            return request;
        }
        for (JsonNode rule : allow) {
            JsonNode auth = rule.get("auth");
            if (auth == null || !auth.isObject()) {
                continue;
            }
            redactField(auth.get("basic"), "password");
            redactField(auth.get("bearer"), "token");
            redactField(auth.get("header"), "value");
            redactField(auth.get("query"), "value");
        }
        return request;
    }

    private static void redactField(JsonNode holder, String field) {
        if (holder instanceof ObjectNode o && o.hasNonNull(field)) {
            o.put(field, REDACTED);
        }
    }

    /** Riza's {@code Execution}, with {@code details} of the matching type. */
    public static ObjectNode execution(Execution e) {
        ObjectNode o = NODES.objectNode();
        o.put("id", e.id());
        o.put("language", e.language().wireName());
        o.put("duration", e.duration());
        o.put("exit_code", e.exitCode());
        o.put("started_at", DateTimeFormatter.ISO_INSTANT.format(e.startedAt().truncatedTo(ChronoUnit.MILLIS)));
        o.set("outcome", outcome(e.outcome()));
        ObjectNode details = o.putObject("details");
        details.put("type", e.type().wireName());
        switch (e.details()) {
            case ExecutionDetails.Script s -> {
                details.set("request", scriptRequest(s.request()));
                details.set("response", execResult(s.response()));
            }
            case ExecutionDetails.Function f -> {
                details.set("request", functionRequest(f.request()));
                details.set("response", functionResult(f.response()));
            }
            case ExecutionDetails.Tool t -> {
                details.put("tool_id", t.toolId());
                details.set("request", toolExecuteRequest(t.request()));
                details.set("response", functionResult(t.response()));
            }
        }
        redactCredentials((ObjectNode) details.get("request"));
        if (!e.notices().isEmpty()) {
            ArrayNode n = o.putArray("notices");
            e.notices().forEach(n::add);
        }
        return o;
    }
}
