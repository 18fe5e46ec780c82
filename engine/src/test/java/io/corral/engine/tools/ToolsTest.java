package io.corral.engine.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.Execution;
import io.corral.api.ExecutionDetails;
import io.corral.api.ExecutionType;
import io.corral.api.FunctionResult;
import io.corral.api.Language;
import io.corral.api.OutputStatus;
import io.corral.api.Page;
import io.corral.api.PageRequest;
import io.corral.api.RequestRejectedException;
import io.corral.api.Tool;
import io.corral.api.ToolExecuteRequest;
import io.corral.api.ToolSpec;
import io.corral.api.ToolUpdate;
import io.corral.api.wire.RizaJson;
import io.corral.engine.ExecutionEngine;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tools: create, update with revisions, get, list, and the checks made before a tool runs. */
class ToolsTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String N_SCHEMA = """
            {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}}""";

    static List<Language> languages() {
        return TestEngine.languages();
    }

    private static ExecutionEngine engine() {
        return TestEngine.shared();
    }

    private static String uniqueName(String base) {
        return base + "_" + System.nanoTime() + "_" + SEQ.incrementAndGet();
    }

    private static Tool createAdder(Language lang) {
        return engine().createTool(ToolSpec.newBuilder(uniqueName("adder"), lang, TestEngine.program("tool_add_v1", lang))
                .description("adds one")
                .inputSchemaJson(N_SCHEMA)
                .build());
    }

    private static List<Execution> toolRunsOf(String toolId) {
        List<Execution> out = new ArrayList<>();
        PageRequest page = PageRequest.FIRST;
        Page<Execution> p;
        while (!(p = engine().listExecutions(page)).isEmpty()) {
            p.items().stream().filter(e -> e.details() instanceof ExecutionDetails.Tool t && t.toolId().equals(toolId))
                    .forEach(out::add);
            page = page.after(p.items().get(p.items().size() - 1).id());
        }
        return out;
    }

    @Test
    void createdToolReadsBackWithDefaults() {
        Tool t = engine().createTool(ToolSpec.newBuilder(uniqueName("plain"), Language.PYTHON,
                "def execute(input): return input").build());
        assertEquals(t, engine().findTool(t.id()).orElseThrow());
        assertEquals("", t.description());
        assertEquals(Tool.ANY_INPUT, t.inputSchemaJson());
        JsonNode wire = RizaJson.tool(t);
        assertEquals("", wire.get("description").asText());
        assertTrue(wire.get("input_schema").isObject());
        assertEquals(t.revisionId(), wire.get("revision_id").asText());
    }

    @Test
    void updateChangesOnlyGivenFieldsAndMakesANewRevision() {
        Tool v1 = createAdder(Language.PYTHON);
        Tool v2 = engine().updateTool(v1.id(), ToolUpdate.newBuilder().description("adds a hundred")
                .code(TestEngine.program("tool_add_v2", Language.PYTHON)).build());
        assertEquals(v1.id(), v2.id());
        assertNotEquals(v1.revisionId(), v2.revisionId());
        assertEquals(v1.name(), v2.name());
        assertEquals(v1.inputSchemaJson(), v2.inputSchemaJson());
        assertEquals("adds a hundred", v2.description());
        assertEquals(v2, engine().findTool(v1.id()).orElseThrow());

        Tool v3 = engine().updateTool(v1.id(), ToolUpdate.NONE);
        assertNotEquals(v2.revisionId(), v3.revisionId(), "every update makes a revision");
        assertEquals(v2.code(), v3.code());
    }

    @Test
    void namesAreUniquePerEngine() {
        Tool a = createAdder(Language.PYTHON);
        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> engine().createTool(
                ToolSpec.newBuilder(a.name(), Language.JAVASCRIPT, "function execute(i) { return i; }").build()));
        assertEquals(RequestRejectedException.Code.ALREADY_EXISTS, e.code());
        assertEquals(409, e.code().httpStatus());
        assertEquals(6, e.code().grpcCode());
        assertTrue(e.getMessage().startsWith("name: a tool named '" + a.name() + "' already exists"), e.getMessage());

        Tool b = createAdder(Language.PYTHON);
        assertThrows(RequestRejectedException.class,
                () -> engine().updateTool(b.id(), ToolUpdate.newBuilder().name(a.name()).build()));
        // renaming frees the old name
        String renamed = uniqueName("renamed");
        engine().updateTool(a.id(), ToolUpdate.newBuilder().name(renamed).build());
        Tool c = engine().updateTool(b.id(), ToolUpdate.newBuilder().name(a.name()).build());
        assertEquals(a.name(), c.name());
    }

    @Test
    void unknownToolOrRevisionIsNotFoundNamingTheId() {
        assertTrue(engine().findTool("nope").isEmpty());
        RequestRejectedException e = assertThrows(RequestRejectedException.class,
                () -> engine().executeTool("nope", ToolExecuteRequest.newBuilder().build()));
        assertEquals(RequestRejectedException.Code.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());

        e = assertThrows(RequestRejectedException.class,
                () -> engine().updateTool("01NOSUCHTOOL", ToolUpdate.NONE));
        assertTrue(e.getMessage().contains("01NOSUCHTOOL"), e.getMessage());

        Tool t = createAdder(Language.PYTHON);
        e = assertThrows(RequestRejectedException.class, () -> engine().executeTool(t.id(),
                ToolExecuteRequest.newBuilder().inputJson("{\"n\": 1}").revisionId("01NOSUCHREVISION").build()));
        assertEquals(RequestRejectedException.Code.NOT_FOUND, e.code());
        assertEquals("revision_id", e.field());
        assertTrue(e.getMessage().contains("01NOSUCHREVISION"), e.getMessage());

        Tool other = createAdder(Language.PYTHON);
        e = assertThrows(RequestRejectedException.class, () -> engine().executeTool(t.id(),
                ToolExecuteRequest.newBuilder().revisionId(other.revisionId()).build()),
                "a revision of another tool is not a revision of this one");
        assertEquals(RequestRejectedException.Code.NOT_FOUND, e.code());
    }

    @Test
    void badSchemaIsRejectedAtCreateAndUpdate() {
        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> engine().createTool(
                ToolSpec.newBuilder(uniqueName("bad"), Language.PYTHON, "def execute(i): return i")
                        .inputSchemaJson("{\"type\": 5}").build()));
        assertEquals("input_schema", e.field());
        Tool t = createAdder(Language.PYTHON);
        e = assertThrows(RequestRejectedException.class, () -> engine().updateTool(t.id(),
                ToolUpdate.newBuilder().inputSchemaJson("{\"$ref\": \"https://example.com/s.json\"}").build()));
        assertTrue(e.getMessage().contains("https://example.com/s.json"), e.getMessage());
        assertEquals(t, engine().findTool(t.id()).orElseThrow(), "a rejected update changes nothing");
    }

    @Test
    void languageAndCodeAreCheckedAtCreate() {
        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> engine().createTool(
                ToolSpec.newBuilder(uniqueName("empty"), Language.PYTHON, "  ").build()));
        assertEquals("code", e.field());
        e = assertThrows(RequestRejectedException.class, () -> engine().createTool(
                ToolSpec.newBuilder(" ", Language.PYTHON, "def execute(i): return i").build()));
        assertEquals("name", e.field());
    }

    @Test
    void inputFailingTheSchemaIsRejectedBeforeAnythingRuns() {
        Tool t = createAdder(Language.PYTHON);
        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> engine().executeTool(t.id(),
                ToolExecuteRequest.newBuilder().inputJson("{\"n\": \"one\", \"extra\": [1]}").build()));
        assertEquals(RequestRejectedException.Code.INVALID_ARGUMENT, e.code());
        assertEquals("input", e.field());
        assertTrue(e.getMessage().contains("/n"), e.getMessage());
        e = assertThrows(RequestRejectedException.class, () -> engine().executeTool(t.id(), ToolExecuteRequest.EMPTY));
        assertEquals("input", e.field());
        assertEquals(List.of(), toolRunsOf(t.id()), "nothing ran, so nothing was recorded");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void catastrophicSchemaPatternDoesNotHangTheHost() {
        Tool t = engine().createTool(ToolSpec.newBuilder(uniqueName("redos"), Language.PYTHON,
                "def execute(i): return i").inputSchemaJson("{\"type\": \"string\", \"pattern\": \"^(a+)+$\"}").build());
        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> engine().executeTool(t.id(),
                ToolExecuteRequest.newBuilder().inputJson("\"" + "a".repeat(40) + "!\"").build()));
        assertEquals("input", e.field());
    }

    @Test
    void httpAllowListWithSecretBackedCredentialsIsReadFromTheWire() {
        ToolExecuteRequest r = RizaJson.toolExecuteRequest(RizaJson.parse("{\"input\": {}, \"http\": {\"allow\": "
                + "[{\"host\": \"example.com\", \"auth\": {\"bearer\": {\"secret_id\": \"S1\"}}}]}}"));
        assertEquals("example.com", r.http().allow().get(0).host());
        assertEquals("S1", r.http().allow().get(0).auth().bearer().secretId());
        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> RizaJson.toolExecuteRequest(
                RizaJson.parse("{\"http\": {\"allow\": [{\"auth\": {}}]}}")));
        assertEquals("http.allow[0].host", e.field());
    }

    @Test
    void toolRunIsRecordedWithToolIdAndTheRevisionThatRan() {
        // records exist whether or not the function returns: this holds on every branch
        Tool v1 = createAdder(Language.PYTHON);
        Tool v2 = engine().updateTool(v1.id(), ToolUpdate.newBuilder()
                .code(TestEngine.program("tool_add_v2", Language.PYTHON)).build());
        Execution latest = engine().executeTool(v1.id(), ToolExecuteRequest.newBuilder().inputJson("{\"n\": 1}").build());
        Execution old = engine().executeTool(v1.id(), ToolExecuteRequest.newBuilder().inputJson("{\"n\": 1}")
                .revisionId(v1.revisionId()).build());
        assertEquals(ExecutionType.TOOL, latest.type());
        Execution stored = engine().findExecution(latest.id()).orElseThrow();
        ExecutionDetails.Tool details = (ExecutionDetails.Tool) stored.details();
        assertEquals(v1.id(), details.toolId());
        assertEquals(v2.revisionId(), details.request().revisionId());
        assertEquals(v1.revisionId(), ((ExecutionDetails.Tool) engine().findExecution(old.id()).orElseThrow().details())
                .request().revisionId());
        JsonNode wire = RizaJson.execution(stored);
        assertEquals("tool", wire.at("/details/type").asText());
        assertEquals(v1.id(), wire.at("/details/tool_id").asText());
        assertEquals(1, wire.at("/details/request/input/n").asInt());
        assertTrue(wire.at("/details/response/output_status").isTextual());
        assertEquals(latest.id(), wire.at("/details/response/execution/id").asText());
        assertEquals(List.of(latest.id(), old.id()), toolRunsOf(v1.id()).stream().map(Execution::id).toList());
    }

    @Tag("needs-functions")
    @ParameterizedTest
    @MethodSource("languages")
    void latestAndOldRevisionsBothRun(Language lang) {
        Tool v1 = createAdder(lang);
        Tool v2 = engine().updateTool(v1.id(), ToolUpdate.newBuilder()
                .code(TestEngine.program("tool_add_v2", lang)).build());
        FunctionResult latest = engine().executeTool(v1.id(),
                ToolExecuteRequest.newBuilder().inputJson("{\"n\": 1}").build()).functionResult();
        assertEquals(OutputStatus.VALID, latest.outputStatus(), latest.execution().stderr());
        assertEquals(RizaJson.parse("{\"n\": 101, \"version\": 2}"), RizaJson.parseValue(latest.outputJson()));
        FunctionResult old = engine().executeTool(v1.id(), ToolExecuteRequest.newBuilder().inputJson("{\"n\": 1}")
                .revisionId(v1.revisionId()).build()).functionResult();
        assertEquals(OutputStatus.VALID, old.outputStatus(), old.execution().stderr());
        assertEquals(RizaJson.parse("{\"n\": 2, \"version\": 1}"), RizaJson.parseValue(old.outputJson()));
        assertNotEquals(v1.revisionId(), v2.revisionId());
    }
}
