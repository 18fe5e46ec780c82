package io.corral.engine.egress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpLiteralsTest {

    private static String canonical(String literal) {
        return IpLiterals.canonical(IpLiterals.parse(literal).orElseThrow(
                () -> new AssertionError(literal + " should parse as an IP literal")));
    }

    @ParameterizedTest
    @CsvSource({
            "127.1, 127.0.0.1",
            "2130706433, 127.0.0.1",
            "0x7f000001, 127.0.0.1",
            "0177.0.0.1, 127.0.0.1",
            "0x7f.1, 127.0.0.1",
            "[::1], ::1",
            "::ffff:127.0.0.1, 127.0.0.1",
            "::ffff:7f00:1, 127.0.0.1",
            "1:0:0:2:0:0:0:3, 1:0:0:2::3",
            "1:0:0:0:2:0:0:3, 1::2:0:0:3",
            "2001:DB8:0:0:0:0:0:1, 2001:db8::1"})
    void everySpellingOfAnAddressHasOneCanonicalForm(String literal, String expected) {
        assertEquals(expected, canonical(literal));
    }

    @Test
    void differentIpv6AddressesNeverShareACanonicalForm() {
        // a rule (and its credentials) for one must never apply to the other
        assertNotEquals(canonical("1:0:0:2:0:0:0:3"), canonical("1:0:0:0:2:0:0:3"));
        assertEquals("1:0:0:2::3", canonical("1:0:0:2::3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "a:b:zz", "1:2:3", "fe80::1%eth0", "::g", "256.1.1.1.1", "", "[]",
            "localhost", "1.2.3.4.5"})
    void nonLiteralsAreNotAddresses(String text) {
        assertTrue(IpLiterals.parse(text).isEmpty(), text);
    }

    @Test
    void anIpv6LookingNameNeverCausesADnsLookUp() {
        // positive control: the recording resolver sees what the JDK looks up
        try {
            InetAddress.getByName("control-lookup.invalid");
        } catch (UnknownHostException expected) {
            // the name does not exist; the look-up is what counts
        }
        assertTrue(RecordingResolver.lookedUp("control-lookup.invalid"), "the resolver recorder works");
        for (String name : new String[] {"dead:beef:cafe:zzzz", "a:b.example.com", "1:2:3:4:5:6:7:8:9"}) {
            assertTrue(IpLiterals.parse(name).isEmpty(), name);
            assertTrue(HostRules.compile(io.corral.api.HttpPolicy.allow(io.corral.api.HttpAllowRule.of("ok.test")))
                    .match(name, 80).isEmpty());
            assertFalse(RecordingResolver.lookedUp(name), name + " must not reach DNS");
        }
    }
}
