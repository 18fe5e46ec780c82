package io.corral.server;

import io.corral.api.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerConfigTest {

    private static String refusal(ServerConfig.Builder b) {
        return assertThrows(IllegalArgumentException.class, b::build).getMessage();
    }

    @Test
    void withoutKeysOrAnExplicitNoAuthTheConfigIsRefusedSayingHowToFixIt() {
        String m = refusal(ServerConfig.newBuilder());
        assertTrue(m.contains("apiKeys(") && m.contains("insecureNoAuth(true)"), m);
        assertTrue(ServerConfig.newBuilder().insecureNoAuth(true).build().apiKeys().isEmpty());
        String both = refusal(ServerConfig.newBuilder().insecureNoAuth(true).apiKeys(List.of("k")));
        assertTrue(both.contains("both set"), both);
    }

    @Test
    void aNonLoopbackHostWithoutTlsIsRefusedUnlessPlainHttpIsAskedFor() {
        for (String host : List.of("0.0.0.0", "10.1.2.3", "example.org", "::")) {
            String m = refusal(ServerConfig.newBuilder().apiKeys(List.of("k")).host(host));
            assertTrue(m.contains("host " + host) && m.contains("tls(") && m.contains("insecurePlainHttp(true)"), m);
        }
        assertEquals("0.0.0.0", ServerConfig.newBuilder().apiKeys(List.of("k")).host("0.0.0.0")
                .insecurePlainHttp(true).build().host());
        for (String host : List.of("127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]")) {
            assertEquals(host, ServerConfig.newBuilder().apiKeys(List.of("k")).host(host).build().host());
        }
    }

    @Test
    void everyProblemIsNamedAtOnce(@TempDir Path dir) {
        String m = refusal(ServerConfig.newBuilder().host("0.0.0.0").tls(dir.resolve("no-cert.pem"),
                dir.resolve("no-key.pem")).insecurePlainHttp(true));
        assertTrue(m.contains("no API keys"), m);
        assertTrue(m.contains("both set"), m);
        assertTrue(m.contains("no-cert.pem") && m.contains("no-key.pem"), m);
    }

    @Test
    void settersCheckTheirArgumentAndRefuseASecondValue() {
        ServerConfig.Builder b = ServerConfig.newBuilder();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.port(70000)).getMessage()
                .startsWith("port: 70000"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.pathPrefix("riza?x")).getMessage()
                .startsWith("pathPrefix:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.concurrency(0)).getMessage()
                .startsWith("concurrency:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.maxBodyBytes(10)).getMessage()
                .startsWith("maxBodyBytes:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.warmContexts(3, 2)).getMessage()
                .startsWith("warmContexts: 3..2 is not a range; allowed: 0 <= min <= max <= 64"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.warmContextsMemory(-1)).getMessage()
                .startsWith("warmContextsMemory: -1 MiB is negative"));
        b.port(8081);
        assertTrue(assertThrows(IllegalStateException.class, () -> b.port(8082)).getMessage()
                .contains("already set to 8081"));
    }

    @Test
    void warmPoolsAdaptFromOneToTheConcurrencyByDefaultWithinAMemoryBudget() {
        ServerConfig d = ServerConfig.newBuilder().insecureNoAuth(true).concurrency(3).build();
        assertEquals(1, d.warmContextsMin());
        assertEquals(3, d.warmContextsMax());
        assertEquals(ServerConfig.DEFAULT_WARM_CONTEXTS_MEMORY_MIB, d.warmContextsMemoryMib());
        assertEquals(64, ServerConfig.newBuilder().insecureNoAuth(true).concurrency(200).build().warmContextsMax(), "capped");
        ServerConfig set = ServerConfig.newBuilder().insecureNoAuth(true).warmContexts(2, 6).warmContextsMemory(0).build();
        assertEquals(2, set.warmContextsMin());
        assertEquals(6, set.warmContextsMax());
        assertEquals(0, set.warmContextsMemoryMib());
    }

    @Test
    void defaultsAreSafeAndRubyIsServedOnlyInWorkers() {
        ServerConfig c = ServerConfig.newBuilder().apiKeys(List.of("k")).pathPrefix("/riza/").build();
        assertEquals("127.0.0.1", c.host());
        assertEquals(ServerConfig.DEFAULT_PORT, c.port());
        assertEquals("/riza", c.pathPrefix());
        assertFalse(c.tls());
        assertEquals(Duration.ofSeconds(30), c.shutdownGrace());
        // ruby is served by default only where it runs in worker processes (its in-process fallback is
        // for trusted code), and never when every language is set in-process
        assertEquals(io.corral.engine.ExecutionEngine.processIsolationUnavailable().isEmpty(),
                c.languages().contains(Language.RUBY));
        assertFalse(ServerConfig.newBuilder().insecureNoAuth(true).isolation(io.corral.api.Isolation.IN_PROCESS)
                .build().languages().contains(Language.RUBY));
        assertTrue(c.languages().contains(Language.PYTHON));
        assertEquals("", ServerConfig.newBuilder().insecureNoAuth(true).pathPrefix("/").build().pathPrefix());
        assertFalse(c.toString().contains("\"k\""));
    }
}
