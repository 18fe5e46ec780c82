package io.corral.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything that bounds what guest code may do in an engine, in one immutable value: the default
 * and maximum limits of an execution, the quotas on what a request may carry, input files and
 * scratch space, and outbound HTTP. {@link #RIZA} holds the values of Riza's hosted API; derive
 * variants with {@link #toBuilder()}.
 *
 * <pre>{@code
 * Configuration config = Configuration.RIZA.toBuilder()
 *         .defaultExecutionTimeout(Duration.ofSeconds(10))
 *         .allowPrivateNetwork(true)          // guests may reach 127.0.0.1 (a local test server)
 *         .build();
 * ExecutionEngine engine = ExecutionEngine.newBuilder().configuration(config).build();
 * }</pre>
 *
 * <p>{@link Builder#build()} checks the values as a whole (a default above its maximum, a cap of
 * zero) and names what to change. How the engine itself runs (threads, queue, stores, warm
 * contexts) is set on the engine's builder; a request's own {@link Limits} override the defaults
 * here, up to the maximums here.
 *
 * @since 0.1
 */
public final class Configuration {

    /** 1 KiB, for the sizes below. */
    public static final long KIB = 1024L;
    /** 1 MiB, for the sizes below. */
    public static final long MIB = 1024L * KIB;

    /**
     * Riza's hosted API: executions of 30 s (at most 5 min), 128 MiB of memory, 20 MiB of stdout and
     * 10 MiB of stderr; code up to 1 MiB, stdin up to 10 MiB, 100 arguments of up to 100 KiB, 100
     * environment variables (names up to 4 KiB, values up to 100 KiB); 1000 input files of 10 MiB
     * in all and 64 MiB of scratch {@code /tmp}; outbound HTTP of 50 requests per execution, bodies
     * up to 10 MiB each way (responses measured after decompression), 5 redirects, 30 s per request,
     * public addresses only.
     */
    public static final Configuration RIZA = new Builder().build();

    private final Limits defaultLimits;
    private final Duration maxExecutionTimeout;
    private final int maxMemorySizeMib;
    private final long maxCodeBytes;
    private final long maxStdinBytes;
    private final int maxArgs;
    private final long maxArgBytes;
    private final int maxEnvVars;
    private final long maxEnvNameBytes;
    private final long maxEnvValueBytes;
    private final int maxInputFiles;
    private final long maxInputFileBytes;
    private final long scratchBytes;
    private final boolean allowPrivateNetwork;
    private final int maxHttpRequests;
    private final long maxHttpRequestBytes;
    private final long maxHttpResponseBytes;
    private final int maxHttpRedirects;
    private final Duration httpRequestTimeout;

    private Configuration(Builder b) {
        this.defaultLimits = Limits.newBuilder().executionTimeout(b.defaultExecutionTimeout)
                .memorySizeMib(b.defaultMemorySizeMib).stdoutCapBytes(b.stdoutCapBytes)
                .stderrCapBytes(b.stderrCapBytes).build();
        this.maxExecutionTimeout = b.maxExecutionTimeout;
        this.maxMemorySizeMib = b.maxMemorySizeMib;
        this.maxCodeBytes = b.maxCodeBytes;
        this.maxStdinBytes = b.maxStdinBytes;
        this.maxArgs = b.maxArgs;
        this.maxArgBytes = b.maxArgBytes;
        this.maxEnvVars = b.maxEnvVars;
        this.maxEnvNameBytes = b.maxEnvNameBytes;
        this.maxEnvValueBytes = b.maxEnvValueBytes;
        this.maxInputFiles = b.maxInputFiles;
        this.maxInputFileBytes = b.maxInputFileBytes;
        this.scratchBytes = b.scratchBytes;
        this.allowPrivateNetwork = b.allowPrivateNetwork;
        this.maxHttpRequests = b.maxHttpRequests;
        this.maxHttpRequestBytes = b.maxHttpRequestBytes;
        this.maxHttpResponseBytes = b.maxHttpResponseBytes;
        this.maxHttpRedirects = b.maxHttpRedirects;
        this.httpRequestTimeout = b.httpRequestTimeout;
    }

    /** A builder starting from {@link #RIZA}. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Limits of an execution that does not set its own: every field set. */
    public Limits defaultLimits() {
        return defaultLimits;
    }

    /** The longest {@code execution_timeout} a request may ask for. */
    public Duration maxExecutionTimeout() {
        return maxExecutionTimeout;
    }

    /** The largest {@code memory_size} (MiB) a request may ask for. */
    public int maxMemorySizeMib() {
        return maxMemorySizeMib;
    }

    public long maxCodeBytes() {
        return maxCodeBytes;
    }

    public long maxStdinBytes() {
        return maxStdinBytes;
    }

    public int maxArgs() {
        return maxArgs;
    }

    public long maxArgBytes() {
        return maxArgBytes;
    }

    public int maxEnvVars() {
        return maxEnvVars;
    }

    public long maxEnvNameBytes() {
        return maxEnvNameBytes;
    }

    public long maxEnvValueBytes() {
        return maxEnvValueBytes;
    }

    /** How many input files a request may carry. */
    public int maxInputFiles() {
        return maxInputFiles;
    }

    /** The total size of a request's input files. */
    public long maxInputFileBytes() {
        return maxInputFileBytes;
    }

    /** How much a guest may write under {@code /tmp}. */
    public long scratchBytes() {
        return scratchBytes;
    }

    /** Whether guests' HTTP may reach loopback and private addresses (link-local and metadata never). */
    public boolean allowPrivateNetwork() {
        return allowPrivateNetwork;
    }

    /** Outbound requests per execution (each redirect hop counts). */
    public int maxHttpRequests() {
        return maxHttpRequests;
    }

    public long maxHttpRequestBytes() {
        return maxHttpRequestBytes;
    }

    /** A response body's size, measured after decompression. */
    public long maxHttpResponseBytes() {
        return maxHttpResponseBytes;
    }

    public int maxHttpRedirects() {
        return maxHttpRedirects;
    }

    /** One request's time, further bounded by what is left of the execution's time limit. */
    public Duration httpRequestTimeout() {
        return httpRequestTimeout;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration c && defaultLimits.equals(c.defaultLimits)
                && maxExecutionTimeout.equals(c.maxExecutionTimeout) && maxMemorySizeMib == c.maxMemorySizeMib
                && maxCodeBytes == c.maxCodeBytes && maxStdinBytes == c.maxStdinBytes && maxArgs == c.maxArgs
                && maxArgBytes == c.maxArgBytes && maxEnvVars == c.maxEnvVars
                && maxEnvNameBytes == c.maxEnvNameBytes && maxEnvValueBytes == c.maxEnvValueBytes
                && maxInputFiles == c.maxInputFiles && maxInputFileBytes == c.maxInputFileBytes
                && scratchBytes == c.scratchBytes && allowPrivateNetwork == c.allowPrivateNetwork
                && maxHttpRequests == c.maxHttpRequests && maxHttpRequestBytes == c.maxHttpRequestBytes
                && maxHttpResponseBytes == c.maxHttpResponseBytes && maxHttpRedirects == c.maxHttpRedirects
                && httpRequestTimeout.equals(c.httpRequestTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(defaultLimits, maxExecutionTimeout, maxMemorySizeMib, maxCodeBytes, maxStdinBytes, maxArgs,
                maxArgBytes, maxEnvVars, maxEnvNameBytes, maxEnvValueBytes, maxInputFiles, maxInputFileBytes,
                scratchBytes, allowPrivateNetwork, maxHttpRequests, maxHttpRequestBytes, maxHttpResponseBytes,
                maxHttpRedirects, httpRequestTimeout);
    }

    @Override
    public String toString() {
        return "Configuration{defaultLimits=" + defaultLimits + ", maxExecutionTimeout=" + maxExecutionTimeout
                + ", maxMemorySizeMib=" + maxMemorySizeMib + ", maxCodeBytes=" + maxCodeBytes
                + ", maxStdinBytes=" + maxStdinBytes + ", maxArgs=" + maxArgs + ", maxArgBytes=" + maxArgBytes
                + ", maxEnvVars=" + maxEnvVars + ", maxEnvNameBytes=" + maxEnvNameBytes
                + ", maxEnvValueBytes=" + maxEnvValueBytes + ", maxInputFiles=" + maxInputFiles
                + ", maxInputFileBytes=" + maxInputFileBytes + ", scratchBytes=" + scratchBytes
                + ", allowPrivateNetwork=" + allowPrivateNetwork + ", maxHttpRequests=" + maxHttpRequests
                + ", maxHttpRequestBytes=" + maxHttpRequestBytes + ", maxHttpResponseBytes=" + maxHttpResponseBytes
                + ", maxHttpRedirects=" + maxHttpRedirects + ", httpRequestTimeout=" + httpRequestTimeout + "}";
    }

    /**
     * Builder for {@link Configuration}, starting from {@link #RIZA} (or the configuration it was
     * derived from). Setters take any value; {@link #build()} checks them together.
     *
     * @since 0.1
     */
    public static final class Builder {
        private Duration defaultExecutionTimeout = Duration.ofSeconds(30);
        private int defaultMemorySizeMib = 128;
        private long stdoutCapBytes = 20 * MIB;
        private long stderrCapBytes = 10 * MIB;
        private Duration maxExecutionTimeout = Duration.ofMinutes(5);
        private int maxMemorySizeMib = 4096;
        private long maxCodeBytes = MIB;
        private long maxStdinBytes = 10 * MIB;
        private int maxArgs = 100;
        private long maxArgBytes = 100 * KIB;
        private int maxEnvVars = 100;
        private long maxEnvNameBytes = 4 * KIB;
        private long maxEnvValueBytes = 100 * KIB;
        private int maxInputFiles = 1000;
        private long maxInputFileBytes = 10 * MIB;
        private long scratchBytes = 64 * MIB;
        private boolean allowPrivateNetwork;
        private int maxHttpRequests = 50;
        private long maxHttpRequestBytes = 10 * MIB;
        private long maxHttpResponseBytes = 10 * MIB;
        private int maxHttpRedirects = 5;
        private Duration httpRequestTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        private Builder(Configuration c) {
            Limits d = c.defaultLimits;
            defaultExecutionTimeout = d.executionTimeout();
            defaultMemorySizeMib = d.memorySizeMib();
            stdoutCapBytes = d.stdoutCapBytes();
            stderrCapBytes = d.stderrCapBytes();
            maxExecutionTimeout = c.maxExecutionTimeout;
            maxMemorySizeMib = c.maxMemorySizeMib;
            maxCodeBytes = c.maxCodeBytes;
            maxStdinBytes = c.maxStdinBytes;
            maxArgs = c.maxArgs;
            maxArgBytes = c.maxArgBytes;
            maxEnvVars = c.maxEnvVars;
            maxEnvNameBytes = c.maxEnvNameBytes;
            maxEnvValueBytes = c.maxEnvValueBytes;
            maxInputFiles = c.maxInputFiles;
            maxInputFileBytes = c.maxInputFileBytes;
            scratchBytes = c.scratchBytes;
            allowPrivateNetwork = c.allowPrivateNetwork;
            maxHttpRequests = c.maxHttpRequests;
            maxHttpRequestBytes = c.maxHttpRequestBytes;
            maxHttpResponseBytes = c.maxHttpResponseBytes;
            maxHttpRedirects = c.maxHttpRedirects;
            httpRequestTimeout = c.httpRequestTimeout;
        }

        /** The time limit of an execution that sets none (Riza: 30 s). */
        public Builder defaultExecutionTimeout(Duration timeout) {
            this.defaultExecutionTimeout = Objects.requireNonNull(timeout, "defaultExecutionTimeout");
            return this;
        }

        /** The memory size (MiB) of an execution that sets none (Riza: 128). */
        public Builder defaultMemorySizeMib(int mib) {
            this.defaultMemorySizeMib = mib;
            return this;
        }

        /** How much stdout an execution keeps; the rest is dropped and counted (Riza: 20 MiB). */
        public Builder stdoutCapBytes(long bytes) {
            this.stdoutCapBytes = bytes;
            return this;
        }

        /** How much stderr an execution keeps (Riza: 10 MiB). */
        public Builder stderrCapBytes(long bytes) {
            this.stderrCapBytes = bytes;
            return this;
        }

        /** The longest time limit a request may ask for (default 5 min). */
        public Builder maxExecutionTimeout(Duration max) {
            this.maxExecutionTimeout = Objects.requireNonNull(max, "maxExecutionTimeout");
            return this;
        }

        /** The largest memory size (MiB) a request may ask for (default 4096). */
        public Builder maxMemorySizeMib(int mib) {
            this.maxMemorySizeMib = mib;
            return this;
        }

        public Builder maxCodeBytes(long bytes) {
            this.maxCodeBytes = bytes;
            return this;
        }

        public Builder maxStdinBytes(long bytes) {
            this.maxStdinBytes = bytes;
            return this;
        }

        public Builder maxArgs(int count) {
            this.maxArgs = count;
            return this;
        }

        public Builder maxArgBytes(long bytes) {
            this.maxArgBytes = bytes;
            return this;
        }

        public Builder maxEnvVars(int count) {
            this.maxEnvVars = count;
            return this;
        }

        public Builder maxEnvNameBytes(long bytes) {
            this.maxEnvNameBytes = bytes;
            return this;
        }

        public Builder maxEnvValueBytes(long bytes) {
            this.maxEnvValueBytes = bytes;
            return this;
        }

        /** How many input files a request may carry (default 1000). */
        public Builder maxInputFiles(int count) {
            this.maxInputFiles = count;
            return this;
        }

        /** The total size of a request's input files (default 10 MiB). */
        public Builder maxInputFileBytes(long bytes) {
            this.maxInputFileBytes = bytes;
            return this;
        }

        /** How much a guest may write under {@code /tmp} (default 64 MiB). */
        public Builder scratchBytes(long bytes) {
            this.scratchBytes = bytes;
            return this;
        }

        /**
         * Lets guests' HTTP reach loopback and private addresses (a local test server, a development
         * machine). Off by default; link-local and metadata addresses stay refused.
         */
        public Builder allowPrivateNetwork(boolean allow) {
            this.allowPrivateNetwork = allow;
            return this;
        }

        public Builder maxHttpRequests(int count) {
            this.maxHttpRequests = count;
            return this;
        }

        public Builder maxHttpRequestBytes(long bytes) {
            this.maxHttpRequestBytes = bytes;
            return this;
        }

        public Builder maxHttpResponseBytes(long bytes) {
            this.maxHttpResponseBytes = bytes;
            return this;
        }

        public Builder maxHttpRedirects(int count) {
            this.maxHttpRedirects = count;
            return this;
        }

        public Builder httpRequestTimeout(Duration timeout) {
            this.httpRequestTimeout = Objects.requireNonNull(timeout, "httpRequestTimeout");
            return this;
        }

        /**
         * Checks the values together and builds the configuration.
         *
         * @throws IllegalArgumentException naming every value that is out of range and what is allowed
         */
        public Configuration build() {
            List<String> problems = new ArrayList<>();
            positive(problems, "defaultExecutionTimeout", defaultExecutionTimeout);
            positive(problems, "maxExecutionTimeout", maxExecutionTimeout);
            positive(problems, "httpRequestTimeout", httpRequestTimeout);
            if (defaultExecutionTimeout.compareTo(maxExecutionTimeout) > 0) {
                problems.add("defaultExecutionTimeout " + defaultExecutionTimeout + " is above maxExecutionTimeout "
                        + maxExecutionTimeout + ": lower the default or raise the maximum");
            }
            if (defaultMemorySizeMib < 1 || defaultMemorySizeMib > maxMemorySizeMib) {
                problems.add("defaultMemorySizeMib " + defaultMemorySizeMib + " must be 1.." + maxMemorySizeMib
                        + " (maxMemorySizeMib)");
            }
            atLeast(problems, "stdoutCapBytes", stdoutCapBytes, 1);
            atLeast(problems, "stderrCapBytes", stderrCapBytes, 1);
            atLeast(problems, "maxCodeBytes", maxCodeBytes, 1);
            atLeast(problems, "maxStdinBytes", maxStdinBytes, 0);
            atLeast(problems, "maxArgs", maxArgs, 0);
            atLeast(problems, "maxArgBytes", maxArgBytes, 0);
            atLeast(problems, "maxEnvVars", maxEnvVars, 0);
            atLeast(problems, "maxEnvNameBytes", maxEnvNameBytes, 1);
            atLeast(problems, "maxEnvValueBytes", maxEnvValueBytes, 0);
            atLeast(problems, "maxInputFiles", maxInputFiles, 0);
            atLeast(problems, "maxInputFileBytes", maxInputFileBytes, 0);
            atLeast(problems, "scratchBytes", scratchBytes, 0);
            atLeast(problems, "maxHttpRequests", maxHttpRequests, 0);
            atLeast(problems, "maxHttpRequestBytes", maxHttpRequestBytes, 0);
            atLeast(problems, "maxHttpResponseBytes", maxHttpResponseBytes, 0);
            atLeast(problems, "maxHttpRedirects", maxHttpRedirects, 0);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid configuration: " + String.join("; ", problems));
            }
            return new Configuration(this);
        }

        private static void positive(List<String> problems, String name, Duration d) {
            if (d.isZero() || d.isNegative()) {
                problems.add(name + " must be positive, got " + d);
            }
        }

        private static void atLeast(List<String> problems, String name, long value, long min) {
            if (value < min) {
                problems.add(name + " must be at least " + min + ", got " + value);
            }
        }
    }
}
