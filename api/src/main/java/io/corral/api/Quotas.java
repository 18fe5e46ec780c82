package io.corral.api;

/**
 * Size quotas on what a request may carry, checked before anything runs. {@link #RIZA} holds the
 * hosted API's published values.
 *
 * <pre>{@code
 * Quotas q = Quotas.RIZA;   // code 1 MiB, stdin 10 MiB, 100 args of 100 KiB, 100 env vars
 * }</pre>
 */
public record Quotas(long maxCodeBytes, long maxStdinBytes, int maxArgs, long maxArgBytes, int maxEnvVars,
                     long maxEnvKeyBytes, long maxEnvValueBytes) {

    public static final long KIB = 1024L;

    /** Riza's limits: code 1 MiB, stdin 10 MiB, 100 args of 100 KiB, 100 env vars (key 4 KiB, value 100 KiB). */
    public static final Quotas RIZA = new Quotas(1024 * KIB, 10 * 1024 * KIB, 100, 100 * KIB, 100, 4 * KIB, 100 * KIB);
}
