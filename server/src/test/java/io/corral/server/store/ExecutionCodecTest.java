package io.corral.server.store;

import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.ExecutionDetails;
import io.corral.api.HttpAllowRule;
import io.corral.api.HttpAuth;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.ScriptRequest;
import io.corral.api.wire.RizaJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storage form of an execution reads back equal, field for field. */
class ExecutionCodecTest {

    private final ExecutionCodec plain = ExecutionCodec.plain();
    private final ExecutionCodec sealing = ExecutionCodec.sealingCredentials(SecretKeyRing.of(Samples.randomKey()));

    @Test
    void scriptRoundTripsFieldForField() {
        assertRoundTrips(Samples.script(Samples.id(1)));
    }

    @Test
    void functionRoundTripsFieldForField() {
        assertRoundTrips(Samples.function(Samples.id(2)));
    }

    @Test
    void functionWithoutInputKeepsInputAbsentRatherThanTheTextNull() {
        Execution e = Samples.functionWithoutInput(Samples.id(3));
        Execution back = plain.decode(plain.encode(e));
        assertNull(((ExecutionDetails.Function) back.details()).request().inputJson());
        assertEquals(e, back);
    }

    @Test
    void toolRoundTripsFieldForField() {
        assertRoundTrips(Samples.tool(Samples.id(4)));
    }

    private void assertRoundTrips(Execution e) {
        for (ExecutionCodec codec : List.of(plain, sealing)) {
            Execution back = codec.decode(codec.encode(e));
            // equals covers every field; the checks below name the ones the wire form loses
            assertEquals(e, back);
            assertEquals(e.startedAt(), back.startedAt());
            assertEquals(e.http(), back.http());
            assertEquals(e.notices(), back.notices());
            assertEquals(e.outcome(), back.outcome());
            assertEquals(e.outcome().notes(), back.outcome().notes());
            assertEquals(e.outcome().stdoutTruncated(), back.outcome().stdoutTruncated());
            assertEquals(e.outcome().stderrTruncated(), back.outcome().stderrTruncated());
            assertEquals(e.type(), back.type());
            assertEquals(e.duration(), back.duration());
        }
    }

    @Test
    void limitsKeepSubSecondTimeoutsAndOutputCaps() {
        Execution back = plain.decode(plain.encode(Samples.script(Samples.id(5))));
        Limits limits = ((ExecutionDetails.Script) back.details()).request().limits();
        assertEquals(Samples.everyLimit(), limits);
        assertEquals(2_500, limits.executionTimeout().toMillis());
        assertEquals(1234L, limits.stdoutCapBytes());
    }

    @Test
    void envKeepsItsOrder() {
        Execution back = plain.decode(plain.encode(Samples.script(Samples.id(6))));
        assertEquals(List.of("ZED", "ALPHA"),
                List.copyOf(((ExecutionDetails.Script) back.details()).request().env().keySet()));
    }

    @Test
    void jsonValuesKeepTheirExactText() {
        Execution e = Samples.function(Samples.id(7));
        Execution back = plain.decode(plain.encode(e));
        assertEquals("{\"n\":  1, \"big\": 12345678901234567890123, \"f\": 1.50}",
                ((ExecutionDetails.Function) back.details()).request().inputJson());
    }

    @Test
    void theWireFormIsLossySoItCannotBeTheStorageForm() {
        // why the codec exists: RizaJson cuts what the store must keep
        Execution e = Samples.script(Samples.id(8));
        String wire = RizaJson.write(RizaJson.execution(e));
        assertFalse(wire.contains("123456789Z"), "wire started_at keeps only milliseconds");
        assertFalse(wire.contains("bytes_in"), "wire has no HTTP metrics");
        assertTrue(plain.encode(e).contains("123456789Z"));
    }

    @Test
    void unpairedSurrogatesSurviveUtf8Storage() {
        String odd = "lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00";
        Execution e = Execution.newBuilder(Samples.id(9), Language.JAVASCRIPT).startedAt(Instant.EPOCH)
                .details(ExecutionDetails.script(ScriptRequest.newBuilder(Language.JAVASCRIPT, odd).stdin(odd).build(),
                        ExecResult.newBuilder(Samples.id(9)).stdout(odd).build()))
                .build();
        String json = plain.encode(e);
        assertFalse(json.chars().anyMatch(c -> Character.isSurrogate((char) c)), "surrogates are escaped");
        assertEquals(e, plain.decode(json));
    }

    @Test
    void stdoutAboveJacksonsDefaultStringLimitReadsBack() {
        String big = "x".repeat(21 * 1024 * 1024);
        Execution e = Execution.newBuilder(Samples.id(10), Language.PYTHON).startedAt(Instant.EPOCH)
                .details(ExecutionDetails.script(ScriptRequest.of(Language.PYTHON, "print('x' * 10**8)"),
                        ExecResult.newBuilder(Samples.id(10)).stdout(big).build()))
                .build();
        assertEquals(big, plain.decode(plain.encode(e)).scriptResult().stdout());
    }

    @Test
    void sealingCodecNeverWritesLiteralCredentials() {
        String json = sealing.encode(Samples.script(Samples.id(11)));
        for (String credential : List.of(Samples.BEARER_TOKEN, Samples.BASIC_PASSWORD, Samples.HEADER_VALUE,
                Samples.QUERY_VALUE)) {
            assertFalse(json.contains(credential), credential + " written in clear");
        }
        assertTrue(json.contains("alice"), "user ids and secret ids are not credentials");
        assertTrue(json.contains("01JSECRETBEARER"));
    }

    @Test
    void sealedCredentialsAreBoundToTheirExecution() {
        Execution e = Samples.function(Samples.id(12));
        String json = sealing.encode(e);
        // the same record under another id: its sealed credential must not open there
        String moved = json.replace(Samples.id(12), Samples.id(13));
        Execution back = sealing.decode(moved);
        HttpAuth auth = ((ExecutionDetails.Function) back.details()).request().http().allow().getFirst().auth();
        assertEquals(RizaJson.REDACTED, auth.bearer().token());
    }

    @Test
    void credentialsSealedWithALostKeyReadAsRedactedRatherThanFailingTheRecord() {
        Execution e = Samples.script(Samples.id(14));
        String json = sealing.encode(e);
        Execution back = ExecutionCodec.sealingCredentials(SecretKeyRing.of(Samples.randomKey())).decode(json);
        HttpAllowRule rule = ((ExecutionDetails.Script) back.details()).request().http().allow().getFirst();
        assertEquals(RizaJson.REDACTED, rule.auth().bearer().token());
        assertEquals(RizaJson.REDACTED, rule.auth().basic().password());
        assertEquals("alice", rule.auth().basic().userId());
        assertNotEquals(e, back);
        assertEquals(e.scriptResult(), back.scriptResult(), "everything but the credentials is intact");
    }

    @Test
    void newerFormatIsRefusedNamingBothFormats() {
        String json = plain.encode(Samples.simple(Samples.id(15), 0, Instant.EPOCH)).replace("\"format\":1", "\"format\":2");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> plain.decode(json));
        assertTrue(e.getMessage().contains("format 2") && e.getMessage().contains("format 1"), e.getMessage());
    }

    @Test
    void damagedRecordNamesTheExecutionAndField() {
        String json = plain.encode(Samples.simple(Samples.id(16), 0, Instant.EPOCH)).replace("\"stdout\":\"\"", "\"stdout\":5");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> plain.decode(json));
        assertTrue(e.getMessage().contains(Samples.id(16)) && e.getMessage().contains("'stdout'"), e.getMessage());
    }
}
