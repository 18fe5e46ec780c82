package io.corral.server.store;

import io.corral.api.EnvVar;
import io.corral.api.Execution;
import io.corral.api.FunctionRequest;
import io.corral.api.HttpAllowRule;
import io.corral.api.HttpAuth;
import io.corral.api.HttpPolicy;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.api.Secret;
import io.corral.api.Tool;
import io.corral.api.ToolExecuteRequest;
import io.corral.api.ToolSpec;
import io.corral.engine.ExecutionEngine;
import io.corral.engine.spi.ExecutionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real engine running Python over the SQL stores: realistic records, read back after a restart. */
class EngineOverSqlStoresTest {

    @TempDir
    static Path dir;
    private static final byte[] KEY = Samples.randomKey();
    private static SqlServerStores stores;
    private static ExecutionEngine engine;
    /** What the engine handed the store (secret values already scrubbed), by id. */
    private static final Map<String, Execution> handedToStore = new ConcurrentHashMap<>();

    /** Remembers each record on its way into the real store. */
    private record Recording(ExecutionStore store) implements ExecutionStore {
        @Override
        public void record(Execution execution) {
            handedToStore.put(execution.id(), execution);
            store.record(execution);
        }

        @Override
        public Optional<Execution> get(String id) {
            return store.get(id);
        }

        @Override
        public List<Execution> list(String startingAfter, int limit, boolean onlyNonZeroExitCodes) {
            return store.list(startingAfter, limit, onlyNonZeroExitCodes);
        }

        @Override
        public void prune(int maxCount, Instant startedBefore) {
            store.prune(maxCount, startedBefore);
        }
    }

    @BeforeAll
    static void start() {
        stores = SqlServerStores.open(dir, SecretKeyRing.of(KEY));
        engine = ExecutionEngine.newBuilder().languages(Language.PYTHON).concurrency(2)
                .toolStore(stores.tools()).secretStore(stores.secrets())
                .executionStore(new Recording(stores.executions()))
                .build();
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
        if (stores != null) {
            stores.close();
        }
    }

    private static void assertStoredExactlyAndAfterARestart(Execution ran) {
        Execution handed = handedToStore.get(ran.id());
        assertEquals(handed, stores.executions().get(ran.id()).orElseThrow());
        assertEquals(handed, engine.findExecution(ran.id()).orElseThrow());
        try (SqlServerStores reopened = SqlServerStores.open(dir, SecretKeyRing.of(KEY))) {
            assertEquals(handed, reopened.executions().get(ran.id()).orElseThrow());
        }
    }

    @Test
    void pythonScriptRecordRoundTrips() {
        Execution ex = engine.run(ScriptRequest.newBuilder(Language.PYTHON,
                        "import os, sys\nprint(os.environ['GREETING'], sys.argv[1:])\nsys.stderr.write('warn\\n')\nsys.exit(3)\n")
                .args("x", "y").env("GREETING", "héllo").stdin("in")
                .http(HttpPolicy.allow(HttpAllowRule.of("api.example.com").withAuth(HttpAuth.bearer("literal-token-42"))))
                .file("data/n.txt", "7")
                .build());
        assertEquals(3, ex.exitCode());
        assertEquals("héllo ['x', 'y']\n", ex.scriptResult().stdout());
        assertEquals(ex, handedToStore.get(ex.id()));
        assertStoredExactlyAndAfterARestart(ex);
    }

    @Test
    void pythonFunctionRecordRoundTrips() {
        Execution ex = engine.call(FunctionRequest.newBuilder(Language.PYTHON,
                        "def execute(input):\n    return {'n': input['n'] + 1, 'pi': 3.14159}\n")
                .inputJson("{\"n\": 41}").build());
        assertTrue(ex.succeeded(), ex.toString());
        assertStoredExactlyAndAfterARestart(ex);
    }

    @Test
    void pythonToolRecordRoundTripsWithTheSecretValueScrubbed() {
        Secret secret = engine.createSecret("token", "s3cr3t-value-for-tool");
        Tool tool = engine.createTool(ToolSpec.newBuilder("echo_token", Language.PYTHON,
                        "import os\ndef execute(input):\n    print(os.environ['TOKEN'])\n    return input['n'] * 2\n")
                .inputSchemaJson("{\"type\": \"object\", \"required\": [\"n\"]}").build());
        Execution ex = engine.executeTool(tool.id(), ToolExecuteRequest.newBuilder().inputJson("{\"n\": 21}")
                .env(EnvVar.fromSecret("TOKEN", secret.id())).build());
        assertEquals("42", ex.functionResult().outputJson());
        Execution stored = stores.executions().get(ex.id()).orElseThrow();
        assertFalse(stored.functionResult().execution().stdout().contains("s3cr3t-value-for-tool"));
        assertStoredExactlyAndAfterARestart(ex);
    }

    @Test
    void engineOverTheSqlToolStoreAllowsDuplicateToolNames() {
        // Riza allows them; the engine's in-memory store would answer ALREADY_EXISTS
        Tool a = engine.createTool(ToolSpec.newBuilder("twin", Language.PYTHON, "def execute(i): return 1").build());
        Tool b = engine.createTool(ToolSpec.newBuilder("twin", Language.PYTHON, "def execute(i): return 2").build());
        assertNotEquals(a.id(), b.id());
        assertEquals(a, stores.tools().current(a.id()).orElseThrow());
        assertEquals(b, stores.tools().current(b.id()).orElseThrow());
    }
}
