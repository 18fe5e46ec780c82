package io.corral.engine.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The test JVM's name resolver: the JDK's own, recording every name it is asked for, so tests can
 * prove that a refused or malformed host never reached DNS.
 */
public final class RecordingResolver extends InetAddressResolverProvider {

    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

    /** Whether any code in this JVM asked the system resolver for {@code name}. */
    public static boolean lookedUp(String name) {
        return NAMES.contains(name);
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                NAMES.add(host);
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return builtin.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "corral-test-recording";
    }
}
