package io.corral.engine.egress;

import java.io.IOException;
import java.time.Duration;

/**
 * Where one execution's guest HTTP calls go: the {@link EgressGateway} in the host, or, inside a
 * worker process, a relay that hands each call to the host's gateway over the worker channel (the
 * rules and credentials never enter the worker).
 */
public interface GuestHttp extends AutoCloseable {

    /**
     * Sends one call, or refuses it.
     *
     * @param maxTime a further bound the guest set (an abort timer), or null
     */
    GuestHttpResponse send(GuestHttpRequest request, Duration maxTime) throws EgressRefusedException, IOException;

    /** Ends a call under way and refuses further ones (the execution was cancelled or timed out). */
    void abort();

    /** What was sent and refused so far. */
    EgressMetrics metrics();

    @Override
    void close();
}
