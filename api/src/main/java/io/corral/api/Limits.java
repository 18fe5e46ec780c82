package io.corral.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Run-time limits of one execution: Riza's {@code limits}. A field left unset (null) takes the
 * engine's default ({@link Configuration#defaultLimits()}, starting from {@link #RIZA}).
 *
 * <pre>{@code
 * Limits strict = Limits.newBuilder().executionTimeout(Duration.ofSeconds(2)).build();
 * Limits effective = strict.orElse(Limits.RIZA);   // 2 s, 128 MiB, 20 MiB stdout, 10 MiB stderr
 * }</pre>
 *
 * <p>{@code memorySizeMib} bounds the Java heap an execution may hold, best effort: GraalVM's
 * community edition has no heap limit per context, so the engine watches each running execution
 * from the host (its live heap growth, attributed by what its thread allocated) and stops one found
 * holding more, with exit status 137 and the notice {@code memory limit of N MiB exceeded}. It can
 * pass the limit by what it allocates before it is stopped, and memory outside the Java heap is not
 * counted; {@code docs/security.md} says exactly what is measured. For PHP it bounds how far the
 * WebAssembly memory grows beyond its initial size.
 *
 * @since 0.1
 */
public final class Limits {

    public static final long MIB = 1024L * 1024L;

    /** Riza's quotas: 30 s, 128 MiB memory, 20 MiB stdout, 10 MiB stderr. */
    public static final Limits RIZA = new Limits(Duration.ofSeconds(30), 128, 20 * MIB, 10 * MIB);

    /** No field set: everything comes from the engine's defaults. */
    public static final Limits INHERIT = new Limits(null, null, null, null);

    private final Duration executionTimeout;
    private final Integer memorySizeMib;
    private final Long stdoutCapBytes;
    private final Long stderrCapBytes;

    private Limits(Duration executionTimeout, Integer memorySizeMib, Long stdoutCapBytes, Long stderrCapBytes) {
        this.executionTimeout = executionTimeout;
        this.memorySizeMib = memorySizeMib;
        this.stdoutCapBytes = stdoutCapBytes;
        this.stderrCapBytes = stderrCapBytes;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** The wall-clock limit, or null to inherit. */
    public Duration executionTimeout() {
        return executionTimeout;
    }

    /** The heap the execution may hold, in MiB (best effort: see the class comment), or null to inherit. */
    public Integer memorySizeMib() {
        return memorySizeMib;
    }

    /** How much stdout is kept, or null to inherit. */
    public Long stdoutCapBytes() {
        return stdoutCapBytes;
    }

    /** How much stderr is kept, or null to inherit. */
    public Long stderrCapBytes() {
        return stderrCapBytes;
    }

    /** Fills every unset field from {@code defaults}. */
    public Limits orElse(Limits defaults) {
        Objects.requireNonNull(defaults, "defaults");
        return new Limits(
                executionTimeout != null ? executionTimeout : defaults.executionTimeout,
                memorySizeMib != null ? memorySizeMib : defaults.memorySizeMib,
                stdoutCapBytes != null ? stdoutCapBytes : defaults.stdoutCapBytes,
                stderrCapBytes != null ? stderrCapBytes : defaults.stderrCapBytes);
    }

    /** True when no field is set. */
    public boolean isEmpty() {
        return executionTimeout == null && memorySizeMib == null && stdoutCapBytes == null && stderrCapBytes == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Limits l && Objects.equals(executionTimeout, l.executionTimeout)
                && Objects.equals(memorySizeMib, l.memorySizeMib) && Objects.equals(stdoutCapBytes, l.stdoutCapBytes)
                && Objects.equals(stderrCapBytes, l.stderrCapBytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(executionTimeout, memorySizeMib, stdoutCapBytes, stderrCapBytes);
    }

    @Override
    public String toString() {
        return "Limits{executionTimeout=" + executionTimeout + ", memorySizeMib=" + memorySizeMib + ", stdoutCapBytes="
                + stdoutCapBytes + ", stderrCapBytes=" + stderrCapBytes + "}";
    }

    /** Builder for {@link Limits}; unset fields stay null (inherit). */
    public static final class Builder {
        private Duration executionTimeout;
        private Integer memorySizeMib;
        private Long stdoutCapBytes;
        private Long stderrCapBytes;

        private Builder() {
        }

        public Builder executionTimeout(Duration timeout) {
            this.executionTimeout = timeout;
            return this;
        }

        public Builder executionTimeoutSeconds(long seconds) {
            return executionTimeout(Duration.ofSeconds(seconds));
        }

        public Builder memorySizeMib(int mib) {
            this.memorySizeMib = mib;
            return this;
        }

        public Builder stdoutCapBytes(long bytes) {
            this.stdoutCapBytes = bytes;
            return this;
        }

        public Builder stderrCapBytes(long bytes) {
            this.stderrCapBytes = bytes;
            return this;
        }

        public Limits build() {
            return new Limits(executionTimeout, memorySizeMib, stdoutCapBytes, stderrCapBytes);
        }
    }
}
