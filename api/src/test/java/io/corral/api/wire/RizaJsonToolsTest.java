package io.corral.api.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corral.api.EnvVar;
import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.ExecutionDetails;
import io.corral.api.FunctionResult;
import io.corral.api.Language;
import io.corral.api.OutputStatus;
import io.corral.api.RequestRejectedException;
import io.corral.api.ToolExecuteRequest;
import io.corral.api.ToolSpec;
import io.corral.api.ToolUpdate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Riza's wire shapes for tools, secrets, tool runs and the redaction of stored requests. */
class RizaJsonToolsTest {

    @Test
    void toolExecuteBodyReadsEnvArrayAndRevision() {
        ToolExecuteRequest r = RizaJson.toolExecuteRequest(RizaJson.parse("""
                {"input": {"a": [1, "ü", 12345678901234567890]}, "revision_id": "R1",
                 "env": [{"name": "A", "value": "1"}, {"name": "T", "secret_id": "S1"}], "http": null}"""));
        assertEquals("R1", r.revisionId());
        assertEquals(List.of(EnvVar.literal("A", "1"), EnvVar.fromSecret("T", "S1")), r.env());
        assertEquals(RizaJson.parse("{\"a\": [1, \"ü\", 12345678901234567890]}"), RizaJson.parseValue(r.inputJson()));
        assertEquals(ToolExecuteRequest.EMPTY, RizaJson.toolExecuteRequest(RizaJson.parse("{}")));
        assertEquals(ToolExecuteRequest.EMPTY, RizaJson.toolExecuteRequest((JsonNode) null));
    }

    @Test
    void envEntryHasAtMostOneOfValueAndSecretIdAndANameAloneIsEmpty() {
        RequestRejectedException both = assertThrows(RequestRejectedException.class, () -> RizaJson.toolExecuteRequest(
                RizaJson.parse("{\"env\": [{\"name\": \"A\", \"value\": \"1\", \"secret_id\": \"S\"}]}")));
        assertEquals("env[0]", both.field());
        assertTrue(both.getMessage().contains("both"), both.getMessage());
        // Riza's SDKs mark value optional
        assertEquals(List.of(EnvVar.literal("A", "")),
                RizaJson.toolExecuteRequest(RizaJson.parse("{\"env\": [{\"name\": \"A\"}]}")).env());
        RequestRejectedException map = assertThrows(RequestRejectedException.class,
                () -> RizaJson.toolExecuteRequest(RizaJson.parse("{\"env\": {\"A\": \"1\"}}")));
        assertEquals("env", map.field());
    }

    @Test
    void toolCreateAndUpdateBodies() {
        ToolSpec spec = RizaJson.toolSpec(RizaJson.parse("""
                {"name": "t", "code": "def execute(i): return i", "language": "PYTHON",
                 "input_schema": {"type": "object"}}"""));
        assertEquals(Language.PYTHON, spec.language());
        assertEquals("", spec.description());
        assertEquals("{\"type\":\"object\"}", spec.inputSchemaJson());
        ToolUpdate u = RizaJson.toolUpdate(RizaJson.parse("{\"name\": null, \"description\": \"d\"}"));
        assertNull(u.name(), "null means unchanged");
        assertEquals("d", u.description());
        assertThrows(RequestRejectedException.class, () -> RizaJson.toolSpec(RizaJson.parse("{\"name\": \"t\"}")));
    }

    @Test
    void warmInstancesAndReusableAreOptionalFlagsWrittenOnlyWhenSet() {
        ToolSpec spec = RizaJson.toolSpec(RizaJson.parse(
                "{\"name\": \"t\", \"code\": \"c\", \"language\": \"python\", \"warm_instances\": true}"));
        assertTrue(spec.warmInstances());
        assertFalse(RizaJson.toolSpec(RizaJson.parse(
                "{\"name\": \"t\", \"code\": \"c\", \"language\": \"python\"}")).warmInstances());
        assertNull(RizaJson.toolUpdate(RizaJson.parse("{\"name\": \"u\"}")).warmInstances(), "absent: unchanged");
        assertEquals(Boolean.FALSE, RizaJson.toolUpdate(RizaJson.parse("{\"warm_instances\": false}")).warmInstances());
        RequestRejectedException notBoolean = assertThrows(RequestRejectedException.class,
                () -> RizaJson.toolUpdate(RizaJson.parse("{\"warm_instances\": \"yes\"}")));
        assertEquals("warm_instances", notBoolean.field());
        assertTrue(notBoolean.getMessage().contains("true or false"), notBoolean.getMessage());

        io.corral.api.Tool tool = io.corral.api.Tool.newBuilder("T1", "R1").name("t").code("c")
                .language(Language.PYTHON).build();
        assertFalse(RizaJson.tool(tool).has("warm_instances"), "Riza's shape for tools without the option");
        assertTrue(RizaJson.tool(tool.toBuilder("R2").warmInstances(true).build()).get("warm_instances").asBoolean());

        io.corral.api.FunctionRequest call = RizaJson.functionRequest(RizaJson.parse(
                "{\"language\": \"python\", \"code\": \"c\", \"reusable\": true}"));
        assertTrue(call.reusable());
        assertTrue(RizaJson.functionRequest(call).get("reusable").asBoolean());
        assertFalse(RizaJson.functionRequest(call.toBuilder().reusable(false).build()).has("reusable"));
    }

    @Test
    void toolExecutionWritesToolIdAndSecretReferences() {
        ToolExecuteRequest req = ToolExecuteRequest.newBuilder().inputJson("{\"n\":1}").revisionId("R1")
                .env(EnvVar.fromSecret("T", "S1"), EnvVar.literal("A", "x")).build();
        FunctionResult res = FunctionResult.of(ExecResult.newBuilder("E1").duration(3).build(), "{\"n\":2}",
                OutputStatus.VALID);
        Execution e = Execution.newBuilder("E1", Language.PYTHON).duration(3)
                .startedAt(Instant.parse("2025-01-01T00:00:00Z")).details(ExecutionDetails.tool("T1", req, res)).build();
        JsonNode wire = RizaJson.execution(e);
        assertEquals("tool", wire.at("/details/type").asText());
        assertEquals("T1", wire.at("/details/tool_id").asText());
        assertEquals("S1", wire.at("/details/request/env/0/secret_id").asText());
        assertFalse(wire.at("/details/request/env/0").has("value"));
        assertEquals(2, wire.at("/details/response/output/n").asInt());
        assertEquals(res, e.functionResult());
    }

    @Test
    void literalHttpCredentialsAreRedacted() {
        ObjectNode request = (ObjectNode) RizaJson.parse("""
                {"http": {"allow": [{"host": "a", "auth": {
                  "basic": {"user_id": "u", "password": "pw"}, "bearer": {"token": "tok"},
                  "header": {"name": "X-Key", "value": "hv"}, "query": {"key": "k", "value": "qv", "secret_id": "S"}}}]}}""");
        String redacted = RizaJson.write(RizaJson.redactCredentials(request));
        for (String secret : List.of("\"pw\"", "\"tok\"", "\"hv\"", "\"qv\"")) {
            assertFalse(redacted.contains(secret), redacted);
        }
        assertTrue(redacted.contains("\"user_id\":\"u\""), redacted);
        assertTrue(redacted.contains("\"secret_id\":\"S\""), redacted);
        assertTrue(redacted.contains(RizaJson.REDACTED), redacted);
    }
}
