package io.corral.engine.egress;

import com.google.common.net.InetAddresses;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which addresses a guest's request may connect to, one address literal per row. */
class AddressRulesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // public
            "93.184.215.14, PUBLIC",
            "8.8.8.8, PUBLIC",
            "172.32.0.1, PUBLIC",
            "100.128.0.1, PUBLIC",
            "2606:4700::1111, PUBLIC",
            "::ffff:8.8.8.8, PUBLIC",
            "2002:0808:0808::1, PUBLIC",
            // loopback and private: allowed only with the private network
            "127.0.0.1, INTERNAL",
            "127.255.255.254, INTERNAL",
            "10.1.2.3, INTERNAL",
            "172.16.0.1, INTERNAL",
            "172.31.255.255, INTERNAL",
            "192.168.1.1, INTERNAL",
            "100.64.0.1, INTERNAL",
            "198.18.0.1, INTERNAL",
            "::1, INTERNAL",
            "fd00::1, INTERNAL",
            "fec0::1, INTERNAL",
            // IPv6 forms that embed an IPv4 address are judged by that address
            "::ffff:127.0.0.1, INTERNAL",
            "::ffff:10.0.0.1, INTERNAL",
            "::10.0.0.1, INTERNAL",
            "64:ff9b::c0a8:0101, INTERNAL",
            "2002:7f00:0001::, INTERNAL",
            // never reachable
            "0.0.0.0, ALWAYS",
            "169.254.169.254, ALWAYS",
            "192.0.0.1, ALWAYS",
            "192.0.2.1, ALWAYS",
            "198.51.100.1, ALWAYS",
            "203.0.113.1, ALWAYS",
            "224.0.0.1, ALWAYS",
            "255.255.255.255, ALWAYS",
            "::, ALWAYS",
            "fe80::1, ALWAYS",
            "ff02::1, ALWAYS",
            "2001:db8::1, ALWAYS",
            "100::1, ALWAYS",
            "::ffff:169.254.169.254, ALWAYS",
            "64:ff9b::a9fe:a9fe, ALWAYS",
    })
    void classifiesTheAddress(String literal, String expected) {
        Optional<AddressRules.Refusal> refusal = AddressRules.classify(InetAddresses.forString(literal));
        assertEquals(expected, refusal.map(Enum::name).orElse("PUBLIC"), literal);
    }
}
