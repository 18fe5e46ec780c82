package io.corral.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stray log line of any API value never shows a credential or a secret value. */
class CredentialsNeverPrintedTest {

    @Test
    void noValueEverPrintsACredential() {
        HttpPolicy http = HttpPolicy.allow(HttpAllowRule.of("api.example.com").withAuth(HttpAuth.newBuilder()
                .basic(HttpAuth.Basic.of("user", "pw-SECRET1")).bearer(HttpAuth.Bearer.of("tok-SECRET2"))
                .header(HttpAuth.Header.of("X-Key", "hdr-SECRET3")).query(HttpAuth.Query.of("key", "q-SECRET4"))
                .build()));
        String printed = String.join("\n",
                http.toString(),
                ScriptRequest.newBuilder(Language.PYTHON, "print(1)").env("TOKEN", "env-SECRET5").http(http).build()
                        .toString(),
                FunctionRequest.newBuilder(Language.PYTHON, "x").env("TOKEN", "env-SECRET5").http(http).build().toString(),
                ToolExecuteRequest.newBuilder().env(EnvVar.literal("TOKEN", "env-SECRET6")).http(http).build().toString(),
                SecretSpec.of("name", "value-SECRET7").toString());
        for (int i = 1; i <= 7; i++) {
            assertFalse(printed.contains("SECRET" + i), "credential " + i + " printed:\n" + printed);
        }
        assertTrue(printed.contains("api.example.com") && printed.contains("X-Key") && printed.contains("TOKEN"),
                "what is not secret is still shown:\n" + printed);
    }
}
