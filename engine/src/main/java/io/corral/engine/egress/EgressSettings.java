package io.corral.engine.egress;

import java.time.Duration;

/**
 * Engine-wide bounds on guests' outbound HTTP.
 *
 * @param allowPrivateNetwork let guests reach loopback and private addresses (tests, a local
 *                            development server); link-local/metadata stay refused regardless
 * @param maxRequests         requests per execution (each redirect hop counts)
 * @param maxRequestBytes     request body size
 * @param maxResponseBytes    response body size after decompression
 * @param maxRedirects        redirect hops followed per request
 * @param requestTimeout      per request, further bounded by what is left of the time limit
 */
public record EgressSettings(boolean allowPrivateNetwork, int maxRequests, long maxRequestBytes,
                             long maxResponseBytes, int maxRedirects, Duration requestTimeout) {

    /** Private network refused; 50 requests; 10 MiB bodies; 5 redirects; 30 s per request. */
    public static final EgressSettings DEFAULTS = new EgressSettings(false, 50, 10L << 20, 10L << 20, 5,
            Duration.ofSeconds(30));

    public EgressSettings withAllowPrivateNetwork(boolean allow) {
        return new EgressSettings(allow, maxRequests, maxRequestBytes, maxResponseBytes, maxRedirects, requestTimeout);
    }

    public EgressSettings withMaxRequests(int max) {
        return new EgressSettings(allowPrivateNetwork, max, maxRequestBytes, maxResponseBytes, maxRedirects,
                requestTimeout);
    }

    public EgressSettings withMaxResponseBytes(long max) {
        return new EgressSettings(allowPrivateNetwork, maxRequests, maxRequestBytes, max, maxRedirects,
                requestTimeout);
    }

    public EgressSettings withRequestTimeout(Duration timeout) {
        return new EgressSettings(allowPrivateNetwork, maxRequests, maxRequestBytes, maxResponseBytes, maxRedirects,
                timeout);
    }
}
