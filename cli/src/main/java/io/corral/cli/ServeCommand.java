package io.corral.cli;

import io.corral.api.Configuration;
import io.corral.server.CorralServer;
import io.corral.server.ServerConfig;
import io.corral.server.auth.ApiKeys;
import io.corral.server.store.SecretKeyRing;
import io.corral.server.store.SqlServerStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code corral serve}: Riza's REST API over this machine's engine, storing tools, secrets and
 * executions in the data directory. Ends gracefully (exit 0) on SIGTERM or SIGINT.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Serve Riza's Code Interpreter API (/v1/execute, /v1/tools, ...): existing Riza clients "
                + "only change their base URL. Tools, secrets and executions are kept in a database in the "
                + "data directory; SIGTERM or Ctrl-C ends the server after in-flight executions.", "",
                "API keys come from CORRAL_API_KEYS (comma-separated) or --keys-file (one per line); without "
                + "any the server refuses to start unless --insecure-no-auth is given. Secret values are "
                + "encrypted with CORRAL_SECRET_KEY (base64 of 32 bytes), --secret-key-file, or a key file "
                + "created in the data directory on first start.", "",
                "Examples:",
                "  CORRAL_API_KEYS=KEY corral serve --port 8080",
                "  corral serve --host 0.0.0.0 --tls-cert cert.pem --tls-key key.pem --keys-file keys.txt",
                "  RIZA_BASE_URL=http://127.0.0.1:8080 RIZA_API_KEY=KEY node my-riza-client.js"},
        sortOptions = false)
final class ServeCommand implements Callable<Integer> {

    /** The access log, one line a request (Main lets only warnings through elsewhere); held strongly. */
    private static final java.util.logging.Logger ACCESS_LOG =
            java.util.logging.Logger.getLogger(CorralServer.ACCESS_LOGGER);

    @ParentCommand
    CorralCommand parent;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}). Another than loopback needs TLS "
                    + "or --insecure-plain-http.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the database and the secret key "
            + "live (default $XDG_DATA_HOME/corral, else ~/.local/share/corral).")
    Path dataDir;

    @Option(names = "--keys-file", paramLabel = "FILE", description = "API keys, one per line ('#' starts a "
            + "comment); added to those in CORRAL_API_KEYS.")
    Path keysFile;

    @Option(names = "--insecure-no-auth", description = "Serve without API keys: anyone who can reach the port "
            + "can run code.")
    boolean insecureNoAuth;

    @Option(names = "--secret-key-file", paramLabel = "FILE", description = "The key secrets are encrypted with "
            + "(base64 of 32 bytes, owner-only permissions).")
    Path secretKeyFile;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve HTTPS with this certificate chain.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The private key of --tls-cert.")
    Path tlsKey;

    @Option(names = "--insecure-plain-http", description = "Allow plain HTTP on a non-loopback --host (behind "
            + "a TLS-terminating proxy).")
    boolean insecurePlainHttp;

    @Option(names = "--path-prefix", paramLabel = "PATH", defaultValue = "",
            description = "Serve the API under this prefix (e.g. /riza: then /riza/v1/execute).")
    String pathPrefix;

    @Option(names = "--concurrency", paramLabel = "N", description = "Executions run at once (default: the "
            + "number of processors).")
    Integer concurrency;

    @Option(names = "--queue", paramLabel = "N", description = "Executions waiting for a slot before requests "
            + "get 429 (default 4 per slot).")
    Integer queue;

    @Option(names = "--warm-contexts", paramLabel = "MIN..MAX", description = "Contexts each language keeps "
            + "ready, growing from MIN toward MAX while executions find none and shrinking when idle (default: 1 "
            + "to the concurrency); one number N keeps N.")
    String warmContexts;

    @Option(names = "--warm-memory", paramLabel = "MIB", description = "Memory the ready contexts past each "
            + "language's minimum may hold, over all languages (default "
            + io.corral.server.ServerConfig.DEFAULT_WARM_CONTEXTS_MEMORY_MIB + " MiB; PHP ~64 per context, the "
            + "others 2 to 12).")
    Integer warmMemory;

    @Option(names = "--shutdown-grace", paramLabel = "SECONDS", defaultValue = "20",
            description = "How long in-flight executions may finish on shutdown before they are cancelled "
                    + "(default ${DEFAULT-VALUE}).")
    long shutdownGrace;

    @Option(names = "--languages", paramLabel = "LANG,...", split = ",",
            description = "The languages served (default: all; ruby only where process isolation runs, as "
                    + "in-process ruby is for trusted code only; docs/security.md). A request in another language "
                    + "gets 400.")
    List<String> languages;

    @Option(names = "--isolation", paramLabel = "MODE", description = "in-process or process for every language "
            + "(default: process for ruby, in-process for the others; docs/isolation.md).")
    String isolation;

    @Option(names = "--allow-private-network", description = "Let guests' HTTP requests (to hosts their "
            + "http.allow rules name) reach loopback and private addresses.")
    boolean allowPrivateNetwork;

    @Override
    public Integer call() throws Exception {
        Path dir = DataDirectory.resolve(dataDir);
        ACCESS_LOG.setLevel(java.util.logging.Level.INFO);
        ApiKeys keys = apiKeys();
        if (keys == null && !insecureNoAuth) {
            throw new CorralCommand.UsageProblem("no API keys: set CORRAL_API_KEYS=KEY1,KEY2 or give --keys-file "
                    + "FILE; to serve without authentication, say --insecure-no-auth");
        }
        if (keys != null && insecureNoAuth) {
            throw new CorralCommand.UsageProblem("--insecure-no-auth and API keys (CORRAL_API_KEYS, --keys-file) "
                    + "contradict each other; give one");
        }
        if (shutdownGrace < 0 || shutdownGrace > 600) {
            throw new CorralCommand.UsageProblem("--shutdown-grace must be 0 to 600 seconds, got " + shutdownGrace);
        }
        ServerConfig.Builder b = ServerConfig.newBuilder()
                .host(host).port(port).pathPrefix(pathPrefix)
                .configuration(Configuration.RIZA.toBuilder().allowPrivateNetwork(allowPrivateNetwork).build())
                .shutdownGrace(Duration.ofSeconds(shutdownGrace))
                .insecurePlainHttp(insecurePlainHttp);
        if (isolation != null) {
            b.isolation(io.corral.api.Isolation.parse(isolation));
        }
        if (warmContexts != null) {
            int[] range = warmRange(warmContexts);
            b.warmContexts(range[0], range[1]);
        }
        if (warmMemory != null) {
            if (warmMemory < 0) {
                throw new CorralCommand.UsageProblem("--warm-memory: " + warmMemory + " is negative; allowed: 0 or more "
                        + "MiB");
            }
            b.warmContextsMemory(warmMemory);
        }
        if (languages != null) {
            List<io.corral.api.Language> chosen = new ArrayList<>();
            for (String l : languages) {
                chosen.add(io.corral.api.Language.parse(l.strip()));
            }
            b.languages(chosen.toArray(io.corral.api.Language[]::new));
        }
        if (insecureNoAuth) {
            b.insecureNoAuth(true);
        }
        if (keys != null) {
            b.apiKeys(keys);
        }
        if (tlsCert != null || tlsKey != null) {
            if (tlsCert == null || tlsKey == null) {
                throw new CorralCommand.UsageProblem("--tls-cert and --tls-key go together; give both");
            }
            b.tls(tlsCert, tlsKey);
        }
        int slots = concurrency != null ? concurrency : Runtime.getRuntime().availableProcessors();
        b.concurrency(slots).queueCapacity(queue != null ? queue : 4 * slots);
        ServerConfig config = b.build();

        SecretKeyRing secretKeys = SecretKeyRing.load(dir, System.getenv("CORRAL_SECRET_KEY"), secretKeyFile);
        SqlServerStores stores = SqlServerStores.open(dir, secretKeys);
        CorralServer server;
        try {
            server = CorralServer.start(config, stores);
        } catch (RuntimeException e) {
            stores.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Main.serving(Duration.ofSeconds(shutdownGrace).plus(Main.SHUTDOWN_BOUND), () -> {
            parent.err.println("corral: shutting down (in-flight executions get up to " + shutdownGrace + " s)");
            try {
                server.close();
            } finally {
                stores.close();
                parent.err.println("corral: stopped");
                stopped.countDown();
            }
        });
        parent.err.println("corral: serving Riza's API on " + server.baseUri() + " (data: " + dir + ")"
                + (keys == null ? " WITHOUT authentication" : ", " + keys.size() + " API key"
                + (keys.size() == 1 ? "" : "s")));
        parent.err.println("corral: warming up languages; /readyz answers 200 when they are ready");
        if (server.awaitReady(Duration.ofMinutes(5))) {
            parent.err.println("corral: ready");
        }
        stopped.await();
        return 0;
    }

    /** The keys of {@code CORRAL_API_KEYS} and {@code --keys-file} together; null when neither gives any. */
    private ApiKeys apiKeys() {
        ApiKeys keys = null;
        try {
            String env = System.getenv("CORRAL_API_KEYS");
            if (env != null && !env.isBlank()) {
                keys = ApiKeys.parse(env);
            }
            if (keysFile != null) {
                ApiKeys fromFile = ApiKeys.readFile(keysFile);
                keys = keys == null ? fromFile : keys.and(fromFile);
            }
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            // the messages name the position or the file, never a key
            throw new CorralCommand.UsageProblem(e.getMessage());
        }
        return keys;
    }

    /** {@code N} or {@code MIN..MAX}, each 0 to 64. */
    static int[] warmRange(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,2})(?:\\.\\.(\\d{1,2}))?").matcher(text.strip());
        if (m.matches()) {
            int min = Integer.parseInt(m.group(1));
            int max = m.group(2) == null ? min : Integer.parseInt(m.group(2));
            if (min <= max && max <= 64) {
                return new int[] {min, max};
            }
        }
        throw new CorralCommand.UsageProblem("--warm-contexts: '" + text + "' is not a range; allowed: N or MIN..MAX "
                + "with 0 <= MIN <= MAX <= 64, e.g. 1..4");
    }
}
