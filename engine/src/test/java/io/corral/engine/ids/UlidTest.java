package io.corral.engine.ids;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UlidTest {

    @Test
    void idsAreTwentySixCrockfordCharacters() {
        String id = new Ulid().next();
        assertEquals(26, id.length());
        assertTrue(id.matches("[0-9A-HJKMNP-TV-Z]{26}"), id);
    }

    @Test
    void idsIncreaseStrictlyWithinOneMillisecond() {
        Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        Ulid ids = new Ulid(frozen);
        String previous = ids.next();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String next = ids.next();
            assertTrue(next.compareTo(previous) > 0, previous + " then " + next);
            assertTrue(seen.add(next));
            previous = next;
        }
    }

    @Test
    void idsIncreaseEvenWhenTheClockStepsBack() {
        Instant[] now = {Instant.parse("2026-01-01T00:00:01Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        Ulid ids = new Ulid(clock);
        String before = ids.next();
        now[0] = now[0].minusSeconds(1);
        assertTrue(ids.next().compareTo(before) > 0);
    }

    @Test
    void timestampPrefixEncodesTheMillisecond() {
        // 2026-01-01T00:00:00Z = 1767225600000 ms; Crockford base32 of that in 10 chars
        Clock frozen = Clock.fixed(Instant.ofEpochMilli(1767225600000L), ZoneOffset.UTC);
        String id = new Ulid(frozen).next();
        long decoded = 0;
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        for (int i = 0; i < 10; i++) {
            decoded = decoded * 32 + alphabet.indexOf(id.charAt(i));
        }
        assertEquals(1767225600000L, decoded);
    }
}
