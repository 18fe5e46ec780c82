package io.corral.engine.spi;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a host name allowed by policy to its addresses. Injectable so tests can map names
 * such as {@code a.test} to 127.0.0.1; the gateway resolves each name once and connects to the
 * address it checked (no DNS rebinding between check and connect).
 */
@FunctionalInterface
public interface NameResolver {

    /** The system resolver. */
    NameResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
