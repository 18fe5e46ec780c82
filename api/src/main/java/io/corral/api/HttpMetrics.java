package io.corral.api;

/**
 * What one execution's outbound HTTP amounted to, for the host's logs and dashboards (not part of
 * Riza's wire shape).
 *
 * <pre>{@code
 * HttpMetrics m = engine.run(request).http();
 * log.info("requests={} refused={} in={}B", m.requests(), m.refusals(), m.bytesIn());
 * }</pre>
 *
 * @param requests requests sent to a server (each redirect hop counts)
 * @param refusals requests the gateway refused
 * @param bytesOut request body bytes sent
 * @param bytesIn  response body bytes received, after decompression
 */
public record HttpMetrics(int requests, int refusals, long bytesOut, long bytesIn) {

    public static final HttpMetrics NONE = new HttpMetrics(0, 0, 0, 0);
}
