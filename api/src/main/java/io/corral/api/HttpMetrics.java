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
 * @since 0.1
 */
public final class HttpMetrics {

    /** No HTTP at all. */
    public static final HttpMetrics NONE = new HttpMetrics(0, 0, 0, 0);

    private final int requests;
    private final int refusals;
    private final long bytesOut;
    private final long bytesIn;

    private HttpMetrics(int requests, int refusals, long bytesOut, long bytesIn) {
        this.requests = requests;
        this.refusals = refusals;
        this.bytesOut = bytesOut;
        this.bytesIn = bytesIn;
    }

    public static HttpMetrics of(int requests, int refusals, long bytesOut, long bytesIn) {
        return new HttpMetrics(requests, refusals, bytesOut, bytesIn);
    }

    /** Requests sent to a server (each redirect hop counts). */
    public int requests() {
        return requests;
    }

    /** Requests the gateway refused. */
    public int refusals() {
        return refusals;
    }

    /** Request body bytes sent. */
    public long bytesOut() {
        return bytesOut;
    }

    /** Response body bytes received, after decompression. */
    public long bytesIn() {
        return bytesIn;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpMetrics m && requests == m.requests && refusals == m.refusals && bytesOut == m.bytesOut
                && bytesIn == m.bytesIn;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(requests, refusals, bytesOut, bytesIn);
    }

    @Override
    public String toString() {
        return "HttpMetrics{requests=" + requests + ", refusals=" + refusals + ", bytesOut=" + bytesOut + ", bytesIn="
                + bytesIn + "}";
    }
}
