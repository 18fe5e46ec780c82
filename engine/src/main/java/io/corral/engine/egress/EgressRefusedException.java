package io.corral.engine.egress;

/**
 * A guest's HTTP request the gateway would not send (or stopped). The message names the host and
 * the reason; the language layer turns it into that language's own network error. It never
 * carries a credential.
 */
public final class EgressRefusedException extends Exception {

    private final String host;

    public EgressRefusedException(String host, String reason) {
        super("request to " + (host == null || host.isEmpty() ? "(no host)" : host) + " refused: " + reason);
        this.host = host;
    }

    private EgressRefusedException(String message, String host, boolean relayed) {
        super(message);
        this.host = host;
    }

    /** The host's refusal, as its gateway worded it, passed on inside a worker. */
    static EgressRefusedException relayed(String message) {
        return new EgressRefusedException(message, null, true);
    }

    public String host() {
        return host;
    }
}
