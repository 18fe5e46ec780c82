package io.corral.engine.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * IP literals as resolvers actually read them: IPv4 in every {@code inet_aton} form
 * ({@code 127.1}, {@code 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1}) and IPv6 (with or
 * without brackets, including IPv4-mapped forms). Never performs a DNS look-up.
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    public static Optional<InetAddress> parse(String host) {
        String h = host;
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.indexOf(':') >= 0) {
            return parseIpv6(h);
        }
        byte[] v4 = parseIpv4(h);
        if (v4 == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Dotted quad for IPv4 (IPv4-mapped IPv6 included), compressed hex for other IPv6. */
    public static String canonical(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        if (mapped) {
            return (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
        }
        return address.getHostAddress().replaceAll("(^|:)0(:0)+(:|$)", "::").replaceFirst(":::", "::");
    }

    private static Optional<InetAddress> parseIpv6(String h) {
        if (!h.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+")) {
            return Optional.empty();
        }
        try {
            // a literal containing ':' is never looked up in DNS
            InetAddress a = InetAddress.getByName(h);
            return a instanceof Inet6Address || a instanceof Inet4Address ? Optional.of(a) : Optional.empty();
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** inet_aton: 1 to 4 parts, each decimal, 0x-hex or 0-octal; the last part fills the rest. */
    static byte[] parseIpv4(String h) {
        if (h.isEmpty() || h.endsWith(".") && h.length() > 1 && h.chars().filter(c -> c == '.').count() > 3) {
            return null;
        }
        String s = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        String[] parts = s.split("\\.", -1);
        if (parts.length == 0 || parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long v = number(parts[i]);
            if (v == null) {
                return null;
            }
            values[i] = v;
        }
        long addr;
        switch (parts.length) {
            case 1 -> {
                if (values[0] > 0xFFFFFFFFL) return null;
                addr = values[0];
            }
            case 2 -> {
                if (values[0] > 0xFF || values[1] > 0xFFFFFF) return null;
                addr = values[0] << 24 | values[1];
            }
            case 3 -> {
                if (values[0] > 0xFF || values[1] > 0xFF || values[2] > 0xFFFF) return null;
                addr = values[0] << 24 | values[1] << 16 | values[2];
            }
            default -> {
                for (long v : values) {
                    if (v > 0xFF) return null;
                }
                addr = values[0] << 24 | values[1] << 16 | values[2] << 8 | values[3];
            }
        }
        return new byte[] {(byte) (addr >>> 24), (byte) (addr >>> 16), (byte) (addr >>> 8), (byte) addr};
    }

    private static Long number(String part) {
        if (part.isEmpty() || part.length() > 12) {
            return null;
        }
        try {
            if (part.startsWith("0x") || part.startsWith("0X")) {
                return part.length() == 2 ? 0L : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part, 10);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
