package io.corral.server;

import com.google.common.net.InetAddresses;
import io.corral.api.Configuration;
import io.corral.api.Isolation;
import io.corral.api.Language;
import io.corral.engine.ExecutionEngine;
import io.corral.engine.Retention;
import io.corral.server.auth.ApiKeys;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a {@link CorralServer} listens, whom it lets in and what its engine may do: one immutable
 * value, built through {@link #newBuilder()} and checked as a whole by {@link Builder#build()}.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.newBuilder()
 *         .host("0.0.0.0").port(8443)
 *         .apiKeys(List.of(System.getenv("CORRAL_API_KEY")))
 *         .tls(Path.of("cert.pem"), Path.of("key.pem"))
 *         .pathPrefix("/riza")
 *         .concurrency(4).queueCapacity(32)
 *         .build();
 * }</pre>
 *
 * <p>Safe by default: a server needs API keys (or an explicit {@link Builder#insecureNoAuth}), and
 * a server reachable from other machines needs TLS (or an explicit
 * {@link Builder#insecurePlainHttp}, for a TLS-terminating proxy in front). Ruby is among the
 * default languages only where it runs in worker processes: in-process Ruby is for trusted code only
 * ({@code docs/security.md}).
 *
 * @since 0.1
 */
public final class ServerConfig {

    /** The default port. */
    public static final int DEFAULT_PORT = 8080;
    /** How long in-flight executions may finish on close, by default. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);
    /** The largest request body, by default: Riza's quotas (code, stdin, files) with room for JSON escaping. */
    public static final long DEFAULT_MAX_BODY_BYTES = 32 * Configuration.MIB;
    /** The smallest body cap allowed. */
    public static final long MIN_MAX_BODY_BYTES = Configuration.KIB;
    /** The largest body cap allowed (a body is held in memory whole). */
    public static final long MAX_MAX_BODY_BYTES = 1024 * Configuration.MIB;
    /** Executions waiting for a worker, by default (as the engine's). */
    public static final int DEFAULT_QUEUE_CAPACITY = 64;
    /** The default memory for ready contexts past the pools' minimums (MiB): four PHP contexts, or many of the others. */
    public static final int DEFAULT_WARM_CONTEXTS_MEMORY_MIB = 256;
    private static final int MAX_WARM_CONTEXTS = 64;

    private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    private final String host;
    private final int port;
    private final ApiKeys apiKeys;
    private final boolean insecureNoAuth;
    private final String pathPrefix;
    private final Path tlsCertificate;
    private final Path tlsPrivateKey;
    private final boolean insecurePlainHttp;
    private final Configuration configuration;
    private final Set<Language> languages;
    private final Isolation isolation;
    private final int concurrency;
    private final int queueCapacity;
    private final int warmContextsMin;
    private final int warmContextsMax;
    private final int warmContextsMemoryMib;
    private final Duration shutdownGrace;
    private final long maxBodyBytes;
    private final Retention retention;

    private ServerConfig(Builder b) {
        this.host = b.host != null ? b.host : "127.0.0.1";
        this.port = b.port != null ? b.port : DEFAULT_PORT;
        this.apiKeys = b.apiKeys;
        this.insecureNoAuth = Boolean.TRUE.equals(b.insecureNoAuth);
        this.pathPrefix = b.pathPrefix != null ? b.pathPrefix : "";
        this.tlsCertificate = b.tlsCertificate;
        this.tlsPrivateKey = b.tlsPrivateKey;
        this.insecurePlainHttp = Boolean.TRUE.equals(b.insecurePlainHttp);
        this.configuration = b.configuration != null ? b.configuration : Configuration.RIZA;
        this.isolation = b.isolation;
        this.languages = Collections.unmodifiableSet(b.languages != null ? b.languages : defaultLanguages(b.isolation));
        this.concurrency = b.concurrency != null ? b.concurrency
                : Math.max(2, Runtime.getRuntime().availableProcessors());
        this.queueCapacity = b.queueCapacity != null ? b.queueCapacity : DEFAULT_QUEUE_CAPACITY;
        this.warmContextsMin = b.warmContextsMin != null ? b.warmContextsMin : 1;
        this.warmContextsMax = b.warmContextsMax != null ? b.warmContextsMax
                : Math.max(warmContextsMin, Math.min(MAX_WARM_CONTEXTS, concurrency));
        this.warmContextsMemoryMib = b.warmContextsMemoryMib != null ? b.warmContextsMemoryMib
                : DEFAULT_WARM_CONTEXTS_MEMORY_MIB;
        this.shutdownGrace = b.shutdownGrace != null ? b.shutdownGrace : DEFAULT_SHUTDOWN_GRACE;
        this.maxBodyBytes = b.maxBodyBytes != null ? b.maxBodyBytes : DEFAULT_MAX_BODY_BYTES;
        this.retention = b.retention != null ? b.retention : Retention.DEFAULT;
    }

    /**
     * Every language of this build; Ruby only where it runs in a worker process (its default): the
     * in-process Ruby it would otherwise fall back to is for trusted code only, so without process
     * isolation Ruby is an opt-in ({@link Builder#languages}).
     */
    private static Set<Language> defaultLanguages(Isolation isolation) {
        boolean rubyInWorkers = isolation != Isolation.IN_PROCESS
                && ExecutionEngine.processIsolationUnavailable().isEmpty();
        EnumSet<Language> set = EnumSet.noneOf(Language.class);
        for (Language l : ExecutionEngine.availableLanguages()) {
            if (l != Language.RUBY || rubyInWorkers) {
                set.add(l);
            }
        }
        return set;
    }

    /** Where every language runs, when set; else each language's default ({@link ExecutionEngine#defaultIsolation}). */
    public Optional<Isolation> isolation() {
        return Optional.ofNullable(isolation);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** The address to listen on (default {@code 127.0.0.1}). */
    public String host() {
        return host;
    }

    /** The port to listen on; 0 picks a free one ({@link CorralServer#port()} tells which). */
    public int port() {
        return port;
    }

    /** The accepted keys; empty only with {@link #insecureNoAuth()}. */
    public Optional<ApiKeys> apiKeys() {
        return Optional.ofNullable(apiKeys);
    }

    public boolean insecureNoAuth() {
        return insecureNoAuth;
    }

    /** Where the API lives under the root: {@code ""} (the default) or e.g. {@code /riza}. */
    public String pathPrefix() {
        return pathPrefix;
    }

    public boolean tls() {
        return tlsCertificate != null;
    }

    /** The PEM certificate chain, when TLS is on. */
    public Optional<Path> tlsCertificate() {
        return Optional.ofNullable(tlsCertificate);
    }

    /** The PEM (PKCS#8) private key, when TLS is on. */
    public Optional<Path> tlsPrivateKey() {
        return Optional.ofNullable(tlsPrivateKey);
    }

    public boolean insecurePlainHttp() {
        return insecurePlainHttp;
    }

    /** The engine's limits and quotas (default {@link Configuration#RIZA}). */
    public Configuration configuration() {
        return configuration;
    }

    /** The languages the engine runs. */
    public Set<Language> languages() {
        return languages;
    }

    /** Executions that run at once. */
    public int concurrency() {
        return concurrency;
    }

    /** Executions that may wait for a worker; beyond that a request gets 429 with {@code Retry-After}. */
    public int queueCapacity() {
        return queueCapacity;
    }

    /** The fewest contexts each language keeps ready ({@link Builder#warmContexts}). */
    public int warmContextsMin() {
        return warmContextsMin;
    }

    /** The most contexts each language keeps ready when executions keep finding none. */
    public int warmContextsMax() {
        return warmContextsMax;
    }

    /** The memory the ready contexts past each language's minimum may hold, over all languages (MiB). */
    public int warmContextsMemoryMib() {
        return warmContextsMemoryMib;
    }

    /** How long {@link CorralServer#close()} lets in-flight executions finish before cancelling them. */
    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    /** The largest request body in bytes; a larger one gets 413. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** How much execution history the engine keeps (retried requests find their executions there). */
    public Retention retention() {
        return retention;
    }

    @Override
    public String toString() {
        return "ServerConfig{host=" + host + ", port=" + port + ", auth="
                + (apiKeys != null ? apiKeys.size() + " keys" : "none") + ", pathPrefix='" + pathPrefix + "'"
                + ", tls=" + tls() + ", languages=" + languages + ", concurrency=" + concurrency
                + ", queueCapacity=" + queueCapacity + ", warmContexts=" + warmContextsMin + ".." + warmContextsMax
                + " within " + warmContextsMemoryMib + " MiB, shutdownGrace=" + shutdownGrace
                + ", maxBodyBytes=" + maxBodyBytes + ", retention=" + retention + "}";
    }

    /** Whether {@code host} is a loopback name or address, decided without DNS. */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!InetAddresses.isInetAddress(h)) {
            return false;
        }
        InetAddress a = InetAddresses.forString(h);
        return a.isLoopbackAddress();
    }

    /**
     * Builder for {@link ServerConfig}. Each setter checks its argument and may be called once;
     * {@link #build()} checks the settings together and names every problem with what to change.
     *
     * @since 0.1
     */
    public static final class Builder {
        private String host;
        private Integer port;
        private ApiKeys apiKeys;
        private Boolean insecureNoAuth;
        private String pathPrefix;
        private Path tlsCertificate;
        private Path tlsPrivateKey;
        private Boolean insecurePlainHttp;
        private Configuration configuration;
        private Set<Language> languages;
        private Isolation isolation;
        private Integer concurrency;
        private Integer queueCapacity;
        private Integer warmContextsMin;
        private Integer warmContextsMax;
        private Integer warmContextsMemoryMib;
        private Duration shutdownGrace;
        private Long maxBodyBytes;
        private Retention retention;

        private Builder() {
        }

        private static void once(Object current, String setting, Object next) {
            if (current != null) {
                throw new IllegalStateException(setting + " was already set to " + current + " (now " + next
                        + "): set it once");
            }
        }

        /** The address to listen on: a name or an IP literal (default {@code 127.0.0.1}). */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host: is blank; allowed: a host name or IP address such as "
                        + "127.0.0.1 or 0.0.0.0");
            }
            once(this.host, "host", host);
            this.host = host.strip();
            return this;
        }

        /** The port to listen on, 0 for a free one (default {@value #DEFAULT_PORT}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port: " + port + " is out of range; allowed: 0 (a free port) "
                        + "to 65535");
            }
            once(this.port, "port", port);
            this.port = port;
            return this;
        }

        /** The keys callers present as {@code Authorization: Bearer <key>}; only their hashes are kept. */
        public Builder apiKeys(List<String> rawKeys) {
            return apiKeys(ApiKeys.of(rawKeys));
        }

        public Builder apiKeys(ApiKeys keys) {
            Objects.requireNonNull(keys, "apiKeys");
            once(this.apiKeys, "apiKeys", keys);
            this.apiKeys = keys;
            return this;
        }

        /** Serves without authentication: anyone who can connect may run code. Only on a trusted network. */
        public Builder insecureNoAuth(boolean noAuth) {
            once(this.insecureNoAuth, "insecureNoAuth", noAuth);
            this.insecureNoAuth = noAuth;
            return this;
        }

        /**
         * Serves everything under {@code prefix} ({@code /riza} → {@code /riza/v1/execute},
         * {@code /riza/healthz}); {@code ""} or {@code "/"} for the root (the default).
         */
        public Builder pathPrefix(String prefix) {
            Objects.requireNonNull(prefix, "pathPrefix");
            String p = prefix.strip();
            while (p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            if (!p.isEmpty() && !PREFIX.matcher(p).matches()) {
                throw new IllegalArgumentException("pathPrefix: '" + prefix + "' is not a path; allowed: '/' "
                        + "followed by segments of letters, digits and . _ ~ - (e.g. /riza or /api/corral)");
            }
            once(this.pathPrefix, "pathPrefix", p);
            this.pathPrefix = p;
            return this;
        }

        /** Serves HTTPS with a PEM certificate chain and its PEM (PKCS#8) private key. */
        public Builder tls(Path certificatePem, Path privateKeyPem) {
            Objects.requireNonNull(certificatePem, "certificatePem");
            Objects.requireNonNull(privateKeyPem, "privateKeyPem");
            once(this.tlsCertificate, "tls", certificatePem);
            this.tlsCertificate = certificatePem;
            this.tlsPrivateKey = privateKeyPem;
            return this;
        }

        /**
         * Allows plain HTTP on an address other machines can reach (keys then cross the network in
         * clear text): for a TLS-terminating proxy in front of the server.
         */
        public Builder insecurePlainHttp(boolean plain) {
            once(this.insecurePlainHttp, "insecurePlainHttp", plain);
            this.insecurePlainHttp = plain;
            return this;
        }

        /** The engine's limits and quotas (default {@link Configuration#RIZA}). */
        public Builder configuration(Configuration configuration) {
            Objects.requireNonNull(configuration, "configuration");
            once(this.configuration, "configuration", configuration);
            this.configuration = configuration;
            return this;
        }

        /** Where every language runs (default: each language's own, Ruby in worker processes). */
        public Builder isolation(Isolation isolation) {
            Objects.requireNonNull(isolation, "isolation");
            once(this.isolation, "isolation", isolation);
            this.isolation = isolation;
            return this;
        }

        /** The languages to run (default: every language of this build; Ruby only where process isolation runs). */
        public Builder languages(Language... languages) {
            if (languages.length == 0) {
                throw new IllegalArgumentException("languages: none given; allowed: one or more of "
                        + ExecutionEngine.availableLanguages());
            }
            EnumSet<Language> set = EnumSet.noneOf(Language.class);
            for (Language l : languages) {
                set.add(Objects.requireNonNull(l, "language"));
            }
            once(this.languages, "languages", set);
            this.languages = set;
            return this;
        }

        /** Executions that run at once (default: the number of cores, at least 2). */
        public Builder concurrency(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("concurrency: " + threads + " is too small; allowed: 1 or more");
            }
            once(this.concurrency, "concurrency", threads);
            this.concurrency = threads;
            return this;
        }

        /** Executions that may wait for a worker (default {@value #DEFAULT_QUEUE_CAPACITY}); then 429. */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queueCapacity: " + capacity + " is too small; allowed: 1 or more");
            }
            once(this.queueCapacity, "queueCapacity", capacity);
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * Contexts each language keeps ready, adapting to demand between {@code min} and {@code max}
         * ({@code ExecutionEngine.Builder.warmContexts(min, max)}): default 1 to the concurrency, so
         * a burst of as many executions as run at once finds contexts ready once it has been seen.
         */
        public Builder warmContexts(int min, int max) {
            if (min < 0 || max < min || max > MAX_WARM_CONTEXTS) {
                throw new IllegalArgumentException("warmContexts: " + min + ".." + max + " is not a range; allowed: "
                        + "0 <= min <= max <= " + MAX_WARM_CONTEXTS);
            }
            once(this.warmContextsMin, "warmContexts", min);
            this.warmContextsMin = min;
            this.warmContextsMax = max;
            return this;
        }

        /**
         * The memory the contexts kept ready past each language's minimum may hold, over all
         * languages, in MiB (default {@value #DEFAULT_WARM_CONTEXTS_MEMORY_MIB}; a PHP context holds
         * ~64, the others 2 to 12); 0 keeps every pool at its minimum.
         */
        public Builder warmContextsMemory(int mib) {
            if (mib < 0) {
                throw new IllegalArgumentException("warmContextsMemory: " + mib + " MiB is negative; allowed: 0 or more");
            }
            once(this.warmContextsMemoryMib, "warmContextsMemory", mib);
            this.warmContextsMemoryMib = mib;
            return this;
        }

        /** How long in-flight executions may finish on close before they are cancelled (default 30 s). */
        public Builder shutdownGrace(Duration grace) {
            Objects.requireNonNull(grace, "shutdownGrace");
            if (grace.isNegative()) {
                throw new IllegalArgumentException("shutdownGrace: " + grace + " is negative; allowed: 0 or more");
            }
            once(this.shutdownGrace, "shutdownGrace", grace);
            this.shutdownGrace = grace;
            return this;
        }

        /** The largest request body, 1 KiB to 1 GiB (default 32 MiB); a larger one is refused with 413. */
        public Builder maxBodyBytes(long bytes) {
            if (bytes < MIN_MAX_BODY_BYTES || bytes > MAX_MAX_BODY_BYTES) {
                throw new IllegalArgumentException("maxBodyBytes: " + bytes + " is out of range; allowed: "
                        + MIN_MAX_BODY_BYTES + " (1 KiB) to " + MAX_MAX_BODY_BYTES + " (1 GiB)");
            }
            once(this.maxBodyBytes, "maxBodyBytes", bytes);
            this.maxBodyBytes = bytes;
            return this;
        }

        /** How much execution history to keep (default {@link Retention#DEFAULT}). */
        public Builder retention(Retention retention) {
            Objects.requireNonNull(retention, "retention");
            once(this.retention, "retention", retention);
            this.retention = retention;
            return this;
        }

        /**
         * Checks the settings together and builds the configuration.
         *
         * @throws IllegalArgumentException naming every problem and how to fix it
         */
        public ServerConfig build() {
            List<String> problems = new ArrayList<>();
            boolean noAuth = Boolean.TRUE.equals(insecureNoAuth);
            if (apiKeys == null && !noAuth) {
                problems.add("no API keys: set apiKeys(...) (corral serve reads CORRAL_API_KEYS or a keys file), "
                        + "or insecureNoAuth(true) to let anyone who can connect run code");
            }
            if (apiKeys != null && noAuth) {
                problems.add("apiKeys and insecureNoAuth(true) are both set: drop one");
            }
            boolean plain = Boolean.TRUE.equals(insecurePlainHttp);
            String h = host != null ? host : "127.0.0.1";
            if (tlsCertificate == null && !plain && !isLoopback(h)) {
                problems.add("host " + h + " is reachable from other machines but TLS is off, so API keys and code "
                        + "would cross the network in clear text: set tls(certificatePem, privateKeyPem), listen on "
                        + "127.0.0.1, or set insecurePlainHttp(true) behind a TLS-terminating proxy");
            }
            if (tlsCertificate != null && plain) {
                problems.add("tls(...) and insecurePlainHttp(true) are both set: drop one");
            }
            if (tlsCertificate != null) {
                readable(problems, "tls certificate", tlsCertificate);
                readable(problems, "tls private key", tlsPrivateKey);
            }
            if (languages != null) {
                for (Language l : languages) {
                    if (!ExecutionEngine.availableLanguages().contains(l)) {
                        problems.add("languages: " + l.wireName() + " is not available in this build; available: "
                                + ExecutionEngine.availableLanguages());
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid server configuration: " + String.join("; ", problems));
            }
            return new ServerConfig(this);
        }

        private static void readable(List<String> problems, String what, Path file) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                problems.add(what + " " + file + " is not a readable file; allowed: a PEM file"
                        + (what.endsWith("key") ? " (PKCS#8, 'BEGIN PRIVATE KEY')" : ""));
            }
        }
    }
}
