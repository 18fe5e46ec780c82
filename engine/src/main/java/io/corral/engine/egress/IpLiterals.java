package io.corral.engine.egress;

import com.google.common.net.InetAddresses;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * IP literals as resolvers actually read them: IPv4 in every {@code inet_aton} form
 * ({@code 127.1}, {@code 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1}) and IPv6 (with or
 * without brackets, including IPv4-mapped forms, read by Guava's {@link InetAddresses}). Never
 * performs a DNS look-up: text that is not a literal is simply not an address.
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

    /**
     * One spelling per address: dotted quad for IPv4 (IPv4-mapped IPv6 included), RFC 5952 text
     * for other IPv6 ({@code 1:0:0:2:0:0:0:3} is {@code 1:0:0:2::3}, never ambiguous).
     */
    public static String canonical(InetAddress address) {
        return InetAddresses.toAddrString(address);
    }

    private static Optional<InetAddress> parseIpv6(String h) {
        // no zone ids (fe80::1%eth0): they name a host interface, never a remote address
        if (h.indexOf('%') >= 0 || !InetAddresses.isInetAddress(h)) {
            return Optional.empty();
        }
        return Optional.of(InetAddresses.forString(h));
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
