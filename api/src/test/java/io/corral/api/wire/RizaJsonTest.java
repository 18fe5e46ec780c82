package io.corral.api.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.ExecutionDetails;
import io.corral.api.Language;
import io.corral.api.Outcome;
import io.corral.api.RequestRejectedException;
import io.corral.api.ScriptRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RizaJsonTest {

    @Test
    void readsAScriptRequestLikeRizaClientsSendIt() {
        ScriptRequest r = RizaJson.scriptRequest(RizaJson.parse("""
                {"language": "PYTHON", "code": "print(1)", "stdin": "in", "args": ["a"],
                 "env": {"K": "v"}, "limits": {"execution_timeout": 5, "memory_size": 64},
                 "http": null, "files": [], "some_future_field": true}
                """));
        assertEquals(Language.PYTHON, r.language());
        assertEquals("print(1)", r.code());
        assertEquals("in", r.stdin());
        assertEquals(List.of("a"), r.args());
        assertEquals(Map.of("K", "v"), r.env());
        assertEquals(Duration.ofSeconds(5), r.limits().executionTimeout());
        assertEquals(64, r.limits().memorySizeMib());
    }

    @Test
    void wholeFloatsAndFractionalTimeoutsAreAccepted() {
        ScriptRequest r = RizaJson.scriptRequest(RizaJson.parse(
                "{\"language\":\"python\",\"code\":\"x\",\"limits\":{\"execution_timeout\":5.0,\"memory_size\":128.0}}"));
        assertEquals(java.time.Duration.ofSeconds(5), r.limits().executionTimeout());
        assertEquals(Integer.valueOf(128), r.limits().memorySizeMib());
        r = RizaJson.scriptRequest(RizaJson.parse(
                "{\"language\":\"python\",\"code\":\"x\",\"limits\":{\"execution_timeout\":2.5}}"));
        assertEquals(java.time.Duration.ofMillis(2500), r.limits().executionTimeout());
        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> RizaJson.scriptRequest(
                RizaJson.parse("{\"language\":\"python\",\"code\":\"x\",\"limits\":{\"memory_size\":1.5}}")));
        assertEquals("limits.memory_size", e.field());
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }

    @Test
    void legacyFileContentIsTheContents() {
        ScriptRequest r = RizaJson.scriptRequest(RizaJson.parse(
                "{\"language\":\"python\",\"code\":\"x\",\"files\":[{\"path\":\"a.txt\",\"content\":\"42\"}]}"));
        assertEquals("42", r.files().get(0).contents());
    }

    @Test
    void wrongTypesAreRejectedNamingTheField() {
        RequestRejectedException e = assertThrows(RequestRejectedException.class,
                () -> RizaJson.scriptRequest(RizaJson.parse("{\"language\":\"python\",\"code\":5}")));
        assertEquals("code", e.field());
        assertTrue(e.getMessage().contains("must be a string, got a number"), e.getMessage());
        e = assertThrows(RequestRejectedException.class,
                () -> RizaJson.scriptRequest(RizaJson.parse("{\"language\":\"python\",\"code\":\"x\",\"args\":[1]}")));
        assertEquals("args[0]", e.field());
        e = assertThrows(RequestRejectedException.class, () -> RizaJson.scriptRequest(
                RizaJson.parse("{\"language\":\"python\",\"code\":\"x\",\"limits\":{\"execution_timeout\":\"1\"}}")));
        assertEquals("limits.execution_timeout", e.field());
        e = assertThrows(RequestRejectedException.class, () -> RizaJson.parse("{not json"));
        assertEquals("body", e.field());
        e = assertThrows(RequestRejectedException.class,
                () -> RizaJson.scriptRequest(RizaJson.parse("{\"code\":\"x\"}")));
        assertEquals("language", e.field());
    }

    @Test
    void writesTheExecutionInRizasShape() {
        ScriptRequest req = ScriptRequest.newBuilder(Language.RUBY, "puts 1").stdin("s").build();
        ExecResult res = ExecResult.newBuilder("01ABC").stdout("1\n").duration(12).build();
        Execution ex = Execution.newBuilder("01ABC", Language.RUBY).duration(12)
                .startedAt(Instant.parse("2026-01-02T03:04:05.678Z")).details(ExecutionDetails.script(req, res)).build();
        JsonNode j = RizaJson.execution(ex);
        assertEquals("01ABC", j.get("id").asText());
        assertEquals("ruby", j.get("language").asText());
        assertEquals(12, j.get("duration").asInt());
        assertEquals(0, j.get("exit_code").asInt());
        assertEquals("2026-01-02T03:04:05.678Z", j.get("started_at").asText());
        assertEquals("script", j.at("/details/type").asText());
        assertEquals("puts 1", j.at("/details/request/code").asText());
        assertEquals("ruby", j.at("/details/request/language").asText());
        assertEquals("s", j.at("/details/request/stdin").asText());
        assertEquals("1\n", j.at("/details/response/stdout").asText());
        assertEquals("01ABC", j.at("/details/response/id").asText());
        assertFalse(j.has("notices"), "notices only when there are some");
        assertEquals("completed", j.at("/outcome/kind").asText());
        assertEquals(0, j.at("/outcome/exit_status").asInt());
    }

    @Test
    void theOutcomesNotesFollowTheGuestsStderrOnTheWireAndOnlyThere() {
        Outcome timedOut = Outcome.of(Outcome.Kind.TIMED_OUT, Outcome.TIMED_OUT_STATUS)
                .withTruncation(true, false).withNotes(List.of("time limit of 2 s exceeded"));
        ExecResult res = ExecResult.newBuilder("01X").outcome(timedOut).stderr("partial").build();
        assertEquals("partial", res.stderr(), "the guest's own stderr holds only what the guest wrote");
        JsonNode j = RizaJson.execResult(res);
        assertEquals("partial\ncorral: time limit of 2 s exceeded\n", j.get("stderr").asText());
        assertEquals(124, j.get("exit_code").asInt());
        JsonNode o = RizaJson.outcome(timedOut);
        assertEquals("timed_out", o.get("kind").asText());
        assertTrue(o.get("stdout_truncated").asBoolean());
        assertFalse(o.get("stderr_truncated").asBoolean());
    }
}
