package io.corral.server.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlRequestLedgerTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dir;
    private SqlServerStores stores;
    private SqlRequestLedger ledger;

    @BeforeEach
    void open() {
        stores = SqlServerStores.open(dir, SecretKeyRing.of(Samples.randomKey()));
        ledger = stores.ledger();
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void findReturnsTheNewestExecutionForThatKeyAndHash() {
        ledger.started("E1", "K1", "H", T0);
        ledger.started("E2", "K1", "H", T0.plusSeconds(5));
        ledger.started("E3", "K1", "H", T0.plusSeconds(2));
        assertEquals(Optional.of("E2"), ledger.find("K1", "H", T0));
    }

    @Test
    void findDoesNotMatchAnotherKeysRequest() {
        ledger.started("E1", "K1", "H", T0);
        assertTrue(ledger.find("K2", "H", T0).isEmpty());
        assertTrue(ledger.find(null, "H", T0).isEmpty(), "no key is not any key");
    }

    @Test
    void findDoesNotMatchAnotherRequestHash() {
        ledger.started("E1", "K1", "H1", T0);
        assertTrue(ledger.find("K1", "H2", T0).isEmpty());
        assertEquals(Optional.of("E1"), ledger.find("K1", "H1", T0));
    }

    @Test
    void findRespectsTheSinceBoundInclusively() {
        ledger.started("OLD", "K1", "H", T0);
        ledger.started("NEW", "K1", "H", T0.plusNanos(1));
        assertEquals(Optional.of("NEW"), ledger.find("K1", "H", T0.plusNanos(1)), "at the bound counts");
        assertTrue(ledger.find("K1", "H", T0.plusNanos(2)).isEmpty(), "before the bound does not");
        ledger.started("ONLY-OLD", "K2", "H", T0);
        assertTrue(ledger.find("K2", "H", T0.plusNanos(1)).isEmpty());
        assertEquals(Optional.of("ONLY-OLD"), ledger.find("K2", "H", null), "no bound finds any age");
        assertEquals(Optional.of("ONLY-OLD"), ledger.find("K2", "H", Instant.MIN), "a bound beyond storable times saturates");
    }

    @Test
    void requestsWithoutAnApiKeyMatchEachOther() {
        ledger.started("E1", null, "H", T0);
        assertEquals(Optional.of("E1"), ledger.find(null, "H", T0));
        assertTrue(ledger.find("K1", "H", T0).isEmpty());
    }

    @Test
    void apiKeyIdNamesTheKeyThatStartedTheExecution() {
        ledger.started("E1", "K1", "H", T0);
        ledger.started("E2", null, "H", T0);
        assertEquals(Optional.of("K1"), ledger.apiKeyId("E1"));
        assertTrue(ledger.apiKeyId("E2").isEmpty(), "started without a key");
        assertTrue(ledger.apiKeyId("unknown").isEmpty());
    }

    @Test
    void startingTheSameExecutionTwiceFails() {
        ledger.started("E1", "K1", "H", T0);
        assertThrows(IllegalStateException.class, () -> ledger.started("E1", "K2", "H2", T0));
        assertEquals(Optional.of("K1"), ledger.apiKeyId("E1"));
    }

    @Test
    void forgetStartedBeforeDropsOnlyOlderRows() {
        ledger.started("E1", "K1", "H", T0);
        ledger.started("E2", "K1", "H", T0.plusSeconds(1));
        assertEquals(1, ledger.forgetStartedBefore(T0.plusSeconds(1)));
        assertTrue(ledger.apiKeyId("E1").isEmpty());
        assertEquals(Optional.of("K1"), ledger.apiKeyId("E2"));
    }
}
