package io.corral.engine.schema;

import io.corral.api.RequestRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tool input schemas: compile-time refusals and input checks, all on the host, before anything runs. */
class InputSchemasTest {

    private static final String OBJECT_WITH_N = """
            {"type": "object", "required": ["n"],
             "properties": {"n": {"type": "integer"}, "tags": {"type": "array", "items": {"type": "string"}}}}""";

    private static RequestRejectedException rejectInput(String schema, String input) {
        return assertThrows(RequestRejectedException.class, () -> InputSchemas.compile(schema).check(input));
    }

    private static RequestRejectedException rejectSchema(String schema) {
        return assertThrows(RequestRejectedException.class, () -> InputSchemas.compile(schema));
    }

    @Test
    void matchingInputPasses() {
        assertDoesNotThrow(() -> InputSchemas.compile(OBJECT_WITH_N).check("{\"n\": 1, \"tags\": [\"a\"]}"));
    }

    @Test
    void failureListsEachPathAndReason() {
        RequestRejectedException e = rejectInput(OBJECT_WITH_N, "{\"n\": \"one\", \"tags\": [1, \"b\", true]}");
        assertEquals(RequestRejectedException.Code.INVALID_ARGUMENT, e.code());
        assertEquals("input", e.field());
        assertTrue(e.getMessage().contains("/n"), e.getMessage());
        assertTrue(e.getMessage().contains("/tags/0"), e.getMessage());
        assertTrue(e.getMessage().contains("/tags/2"), e.getMessage());
        assertTrue(e.getMessage().contains("; allowed: input that matches input_schema"), e.getMessage());
    }

    @Test
    void missingRequiredPropertyIsNamed() {
        RequestRejectedException e = rejectInput(OBJECT_WITH_N, "{}");
        assertTrue(e.getMessage().contains("n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("input: does not match"), e.getMessage());
    }

    @Test
    void noInputIsCheckedAsNull() {
        rejectInput(OBJECT_WITH_N, null);
        assertDoesNotThrow(() -> InputSchemas.compile("{}").check(null));
    }

    @Test
    void schemaWithoutDialectIsDraft202012() {
        // prefixItems exists only in 2020-12; under draft-07 it would be ignored
        String schema = "{\"prefixItems\": [{\"type\": \"integer\"}]}";
        rejectInput(schema, "[\"x\"]");
    }

    @Test
    void draft07IsHonoured() {
        String schema = "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", "
                + "\"items\": [{\"type\": \"integer\"}]}";
        rejectInput(schema, "[\"x\"]");
        assertDoesNotThrow(() -> InputSchemas.compile(schema).check("[1, \"x\"]"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"https://json-schema.org/draft/2019-09/schema",
            "http://json-schema.org/draft-06/schema#", "http://json-schema.org/draft-04/schema#",
            "http://json-schema.org/draft-04/schema"})
    void everyDraftTheValidatorKnowsIsChosenBySchema(String dialect) {
        // items as an array is tuple validation up to 2019-09 (2020-12 rejects the form)
        String schema = "{\"$schema\": \"" + dialect + "\", \"items\": [{\"type\": \"integer\"}]}";
        rejectInput(schema, "[\"x\"]");
        assertDoesNotThrow(() -> InputSchemas.compile(schema).check("[1, \"x\"]"));
    }

    @Test
    void draft04KeepsItsBooleanExclusiveMaximum() {
        String schema = "{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"type\": \"integer\", "
                + "\"maximum\": 5, \"exclusiveMaximum\": true}";
        rejectInput(schema, "5");
        assertDoesNotThrow(() -> InputSchemas.compile(schema).check("4"));
        // the same keyword is a number from draft 6 on: the default dialect refuses the schema
        rejectSchema("{\"type\": \"integer\", \"maximum\": 5, \"exclusiveMaximum\": true}");
    }

    @Test
    void unknownDialectIsRejected() {
        RequestRejectedException e = rejectSchema("{\"$schema\": \"http://example.com/my-schema\"}");
        assertEquals("input_schema.$schema", e.field());
    }

    @Test
    void invalidSchemaIsRejectedAtCompile() {
        RequestRejectedException e = rejectSchema("{\"type\": \"integr\"}");
        assertEquals("input_schema", e.field());
        assertTrue(e.getMessage().contains("not a valid JSON Schema"), e.getMessage());
        rejectSchema("{\"minimum\": \"five\"}");
        rejectSchema("[1, 2]");
        rejectSchema("{\"type\": \"string\", \"pattern\": \"(unclosed\"}");
    }

    @Test
    void remoteReferencesAreRejectedAtCompile() {
        for (String ref : new String[] {"http://127.0.0.1:9/x.json", "https://example.com/s.json",
                "file:///etc/passwd", "classpath:draft/2020-12/schema", "other.json#/a"}) {
            RequestRejectedException e = rejectSchema("{\"properties\": {\"a\": {\"$ref\": \"" + ref + "\"}}}");
            assertTrue(e.getMessage().contains(ref), e.getMessage());
            assertTrue(e.getMessage().contains("/properties/a/$ref"), e.getMessage());
        }
    }

    @Test
    void localReferencesWork() {
        String schema = "{\"$defs\": {\"pos\": {\"type\": \"integer\", \"minimum\": 1}}, "
                + "\"properties\": {\"n\": {\"$ref\": \"#/$defs/pos\"}}}";
        rejectInput(schema, "{\"n\": 0}");
        assertDoesNotThrow(() -> InputSchemas.compile(schema).check("{\"n\": 5}"));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void catastrophicPatternEndsAsARejection() {
        // 2^40 backtracking steps on java.util.regex; the match budget stops it
        String schema = "{\"type\": \"string\", \"pattern\": \"^(a+)+$\"}";
        String input = "\"" + "a".repeat(40) + "!\"";
        RequestRejectedException e = rejectInput(schema, input);
        assertEquals("input", e.field());
        assertTrue(e.getMessage().contains("^(a+)+$"), e.getMessage());
    }

    @Test
    void patternsFollowEcmaScriptDollar() {
        String schema = "{\"type\": \"string\", \"pattern\": \"^a$\"}";
        assertDoesNotThrow(() -> InputSchemas.compile(schema).check("\"a\""));
        rejectInput(schema, "\"a\\n\"");
    }

    @Test
    void deepInputIsRejectedCleanly() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        RequestRejectedException e = rejectInput("{}", deep);
        assertTrue(e.getMessage().contains("nests deeper than"), e.getMessage());
    }

    @Test
    void notJsonInputIsRejected() {
        RequestRejectedException e = rejectInput("{}", "{n: 1");
        assertEquals("input", e.field());
    }
}
