package io.corral.engine.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses a guest's request may connect to. Loopback, private (RFC 1918, CGNAT, IPv6
 * unique-local) and similar internal ranges are refused unless the engine explicitly allows the
 * private network (tests, a local development server). Unspecified, link-local (which holds the
 * cloud metadata address 169.254.169.254), multicast, broadcast and reserved ranges are always
 * refused. IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by
 * the embedded address.
 */
public final class AddressRules {

    /** Why an address is refused. {@link #INTERNAL} ones are allowed with the private network. */
    public enum Refusal {
        INTERNAL("a loopback or private address"),
        ALWAYS("a link-local, metadata, multicast, unspecified or reserved address");

        private final String description;

        Refusal(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private AddressRules() {
    }

    /** Empty when the address is public and may be reached. */
    public static Optional<Refusal> classify(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return classifyV4(v4.getAddress());
        }
        byte[] b = address.getAddress();
        Optional<byte[]> embedded = embeddedV4(b);
        if (embedded.isPresent()) {
            return classifyV4(embedded.get());
        }
        Inet6Address v6 = (Inet6Address) address;
        if (v6.isAnyLocalAddress() || v6.isMulticastAddress() || v6.isLinkLocalAddress()) {
            return Optional.of(Refusal.ALWAYS);
        }
        if (v6.isLoopbackAddress()) {
            return Optional.of(Refusal.INTERNAL);
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local
            return Optional.of(Refusal.INTERNAL);
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) { // fec0::/10 site-local (deprecated)
            return Optional.of(Refusal.INTERNAL);
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) { // 2001:db8::/32
            return Optional.of(Refusal.ALWAYS);
        }
        if (first == 0x01 && second == 0x00 && isZero(b, 2, 8)) { // 100::/64 discard
            return Optional.of(Refusal.ALWAYS);
        }
        return Optional.empty();
    }

    private static Optional<byte[]> embeddedV4(byte[] b) {
        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, excluding :: and ::1)
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Optional.of(slice(b, 12));
        }
        if (isZero(b, 0, 12) && !(isZero(b, 12, 15) && ((b[15] & 0xff) <= 1))) {
            return Optional.of(slice(b, 12));
        }
        // 64:ff9b::/96 NAT64
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && isZero(b, 4, 12)) {
            return Optional.of(slice(b, 12));
        }
        // 2002::/16 6to4: the IPv4 address follows the prefix
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Optional.of(new byte[] {b[2], b[3], b[4], b[5]});
        }
        return Optional.empty();
    }

    private static Optional<Refusal> classifyV4(byte[] a) {
        int o1 = a[0] & 0xff;
        int o2 = a[1] & 0xff;
        int o3 = a[2] & 0xff;
        if (o1 == 0) {
            return Optional.of(Refusal.ALWAYS); // 0.0.0.0/8 "this network"
        }
        if (o1 == 127 || o1 == 10 || (o1 == 172 && (o2 & 0xf0) == 16) || (o1 == 192 && o2 == 168)
                || (o1 == 100 && (o2 & 0xc0) == 64) || (o1 == 198 && (o2 & 0xfe) == 18)) {
            return Optional.of(Refusal.INTERNAL);
        }
        if (o1 == 169 && o2 == 254) {
            return Optional.of(Refusal.ALWAYS); // link-local, cloud metadata
        }
        if (o1 == 192 && o2 == 0 && (o3 == 0 || o3 == 2)) {
            return Optional.of(Refusal.ALWAYS); // IETF protocol assignments, TEST-NET-1
        }
        if ((o1 == 198 && o2 == 51 && o3 == 100) || (o1 == 203 && o2 == 0 && o3 == 113)) {
            return Optional.of(Refusal.ALWAYS); // TEST-NET-2/3
        }
        if (o1 >= 224) {
            return Optional.of(Refusal.ALWAYS); // multicast, reserved, broadcast
        }
        return Optional.empty();
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }

    static InetAddress v4(byte[] a) {
        try {
            return InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
