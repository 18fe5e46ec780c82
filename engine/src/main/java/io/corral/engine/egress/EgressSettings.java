package io.corral.engine.egress;

import java.time.Duration;

/**
 * Engine-wide bounds on guests' outbound HTTP, taken from the engine's
 * {@link io.corral.api.Configuration}.
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

    /** The outbound-HTTP part of an engine's configuration. */
    public static EgressSettings of(io.corral.api.Configuration c) {
        return new EgressSettings(c.allowPrivateNetwork(), c.maxHttpRequests(), c.maxHttpRequestBytes(),
                c.maxHttpResponseBytes(), c.maxHttpRedirects(), c.httpRequestTimeout());
    }

    /** {@link io.corral.api.Configuration#RIZA}'s: private network refused; 50 requests; 10 MiB bodies; 5 redirects; 30 s. */
    public static final EgressSettings DEFAULTS = of(io.corral.api.Configuration.RIZA);

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
