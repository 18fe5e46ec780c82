package io.corral.engine.secrets;

import io.corral.api.EnvVar;
import io.corral.api.Execution;
import io.corral.api.FunctionResult;
import io.corral.api.Language;
import io.corral.api.OutputStatus;
import io.corral.api.PageRequest;
import io.corral.api.RequestRejectedException;
import io.corral.api.Secret;
import io.corral.api.SecretSpec;
import io.corral.api.Tool;
import io.corral.api.ToolExecuteRequest;
import io.corral.api.ToolSpec;
import io.corral.api.wire.RizaJson;
import io.corral.engine.ExecutionEngine;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Secrets: created once, never returned, resolved on the host, never in a record or a message. */
class SecretsTest {

    static List<Language> languages() {
        return TestEngine.languages();
    }

    private static ExecutionEngine engine() {
        return TestEngine.shared();
    }

    private static String secretValue() {
        return "sv-" + UUID.randomUUID();
    }

    private static Tool envTool(Language lang) {
        return engine().createTool(ToolSpec.newBuilder("env_" + UUID.randomUUID(), lang,
                TestEngine.program("tool_env_secret", lang)).build());
    }

    @Test
    void paginationOverThreeSecretsWithLimitTwoGivesExactlyThree() {
        SecretVault vault = new SecretVault(new InMemorySecretStore(), new io.corral.engine.ids.Ulid()::next);
        List<String> created = List.of(vault.create(SecretSpec.of("a", "1")).id(),
                vault.create(SecretSpec.of("b", "2")).id(), vault.create(SecretSpec.of("c", "3")).id());
        List<String> seen = new ArrayList<>();
        PageRequest page = PageRequest.first(2);
        int requests = 0;
        while (true) {
            List<Secret> items = vault.list(page).items();
            requests++;
            if (items.isEmpty()) {
                break;
            }
            items.forEach(s -> seen.add(s.id()));
            page = page.after(items.get(items.size() - 1).id());
        }
        assertEquals(created, seen);
        assertEquals(3, requests, "two pages, then an empty one for the exhausted cursor");
    }

    @Test
    void listingShowsNamesNeverValues() {
        String value = secretValue();
        Secret s = engine().createSecret("api_key", value);
        assertEquals("api_key", s.name());
        String listed = RizaJson.write(RizaJson.secretList(engine().listSecrets(PageRequest.FIRST)));
        assertTrue(listed.contains(s.id()), listed);
        assertFalse(listed.contains(value), listed);
        assertFalse(SecretSpec.of("x", value).toString().contains(value));
    }

    @Test
    void namesNeedNotBeUnique() {
        Secret a = engine().createSecret("rotated", secretValue());
        Secret b = engine().createSecret("rotated", secretValue());
        assertTrue(a.id().compareTo(b.id()) < 0);
    }

    @Test
    void unknownSecretIsNotFoundNamingItBeforeAnythingRuns() {
        Tool t = envTool(Language.PYTHON);
        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> engine().executeTool(t.id(),
                ToolExecuteRequest.newBuilder().env(EnvVar.literal("A", "1"), EnvVar.fromSecret("TOKEN", "01NOSUCHSECRET"))
                        .build()));
        assertEquals(RequestRejectedException.Code.NOT_FOUND, e.code());
        assertEquals("env[1].secret_id", e.field());
        assertTrue(e.getMessage().contains("01NOSUCHSECRET"), e.getMessage());
    }

    @Test
    void resolutionErrorsNeverContainTheValue() {
        String value = secretValue();
        Secret s = engine().createSecret("dup", value);
        SecretVault vault = new SecretVault(new InMemorySecretStore(), () -> "X");
        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> vault.resolve(
                List.of(EnvVar.fromSecret("TOKEN", s.id()), EnvVar.literal("TOKEN", "other"))));
        assertFalse(e.getMessage().contains(value));
        Tool t = envTool(Language.PYTHON);
        e = assertThrows(RequestRejectedException.class, () -> engine().executeTool(t.id(),
                ToolExecuteRequest.newBuilder().env(EnvVar.fromSecret("TOKEN", s.id()), EnvVar.fromSecret("TOKEN", s.id()))
                        .build()));
        assertEquals("env[1].name", e.field());
        assertFalse(e.getMessage().contains(value), e.getMessage());
        e = assertThrows(RequestRejectedException.class, () -> engine().executeTool(t.id(),
                ToolExecuteRequest.newBuilder().env(EnvVar.fromSecret("1BAD", s.id())).build()));
        assertFalse(e.getMessage().contains(value), e.getMessage());
    }

    @Test
    void storedToolRequestKeepsTheReferenceNotTheValue() {
        String value = secretValue();
        Secret s = engine().createSecret("token", value);
        Tool t = envTool(Language.PYTHON);
        Execution ex = engine().executeTool(t.id(), ToolExecuteRequest.newBuilder()
                .env(EnvVar.fromSecret("TOKEN", s.id()), EnvVar.literal("MODE", "plain")).build());
        Execution stored = engine().findExecution(ex.id()).orElseThrow();
        String json = RizaJson.write(RizaJson.execution(stored));
        assertFalse(json.contains(value), json);
        assertTrue(json.contains("\"secret_id\":\"" + s.id() + "\""), json);
        assertTrue(json.contains("\"value\":\"plain\""), json);
        assertFalse(stored.toString().contains(value));
    }

    @Tag("needs-functions")
    @ParameterizedTest
    @MethodSource("languages")
    void toolSeesTheSecretButNoRecordHoldsIt(Language lang) {
        String value = secretValue();
        Secret s = engine().createSecret("token", value);
        Tool t = envTool(lang);
        Execution ex = engine().executeTool(t.id(), ToolExecuteRequest.newBuilder()
                .env(EnvVar.fromSecret("TOKEN", s.id())).build());
        FunctionResult r = ex.functionResult();
        assertEquals(OutputStatus.VALID, r.outputStatus(), r.execution().stderr());
        assertEquals(value.length(), RizaJson.parseValue(r.outputJson()).get("length").asInt(),
                "the guest received the value");
        String stored = RizaJson.write(RizaJson.execution(engine().findExecution(ex.id()).orElseThrow()));
        assertFalse(stored.contains(value), stored);
        assertTrue(stored.contains("token is [SECRET]"), stored);
        String listed = RizaJson.write(RizaJson.executionList(engine().listExecutions(
                PageRequest.FIRST.after(ex.id().substring(0, 10)))));
        assertFalse(listed.contains(value));
    }
}
