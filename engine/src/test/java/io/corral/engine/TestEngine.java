package io.corral.engine;

import io.corral.api.Language;
import io.corral.api.Configuration;

import io.corral.engine.spi.NameResolver;

import java.io.IOException;
import java.net.InetAddress;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One engine shared by every test class in the JVM: GraalVM engines are expensive to start, and
 * sharing them is exactly what production does. Tests must not close it.
 */
public final class TestEngine {

    /**
     * Names under {@code .test} resolve to 127.0.0.1 (so apex-versus-wildcard rules can be tested
     * against a local server); everything else goes to the system resolver.
     */
    public static final NameResolver TEST_NAMES = host -> host.endsWith(".test")
            ? new InetAddress[] {InetAddress.getLoopbackAddress()} : NameResolver.SYSTEM.resolve(host);

    /**
     * What the test engines share: a 60 s time limit, 127.0.0.1 reachable when a rule allows it, the
     * test names, and one warm context per language (every test then also checks that per-execution
     * state binds into a context made earlier).
     */
    private static ExecutionEngine.Builder testBuilder(int concurrency) {
        return ExecutionEngine.newBuilder()
                .concurrency(concurrency)
                .queueCapacity(256)
                .configuration(Configuration.RIZA.toBuilder()
                        .defaultExecutionTimeout(java.time.Duration.ofSeconds(60))
                        .allowPrivateNetwork(true)
                        .build())
                .nameResolver(TEST_NAMES)
                .warmContexts(1);
    }

    private static final ExecutionEngine SHARED = testBuilder(4).build();

    private static volatile ExecutionEngine strict;
    private static volatile ExecutionEngine rubyInProcess;
    private static volatile ExecutionEngine process;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SHARED.close();
            if (strict != null) {
                strict.close();
            }
            if (rubyInProcess != null) {
                rubyInProcess.close();
            }
            if (process != null) {
                process.close();
            }
        }));
    }

    private TestEngine() {
    }

    /** The shared engine: guests may reach 127.0.0.1 (a local test server) when a rule allows it. */
    public static ExecutionEngine shared() {
        return SHARED;
    }

    /**
     * An engine with the production egress defaults (no private network), created on first use.
     */
    public static ExecutionEngine strict() {
        if (strict == null) {
            synchronized (TestEngine.class) {
                if (strict == null) {
                    strict = ExecutionEngine.newBuilder().concurrency(2).build();
                }
            }
        }
        return strict;
    }

    /**
     * An engine like the shared one whose Ruby runs in-process (restricted: no native extensions,
     * trusted code only), as it does where process isolation is unavailable. The shared engine's
     * Ruby runs in worker processes (its default), so Ruby's in-process behaviour is checked here.
     */
    public static ExecutionEngine rubyInProcess() {
        if (rubyInProcess == null) {
            synchronized (TestEngine.class) {
                if (rubyInProcess == null) {
                    rubyInProcess = testBuilder(4).languages(Language.RUBY)
                            .isolation(Language.RUBY, io.corral.api.Isolation.IN_PROCESS).build();
                }
            }
        }
        return rubyInProcess;
    }

    /**
     * An engine like {@link #shared} that runs every language in worker processes (PROCESS
     * isolation), created on first use; needs bubblewrap ({@link ProcessIsolation#requireSandbox}).
     */
    public static ExecutionEngine process() {
        if (process == null) {
            synchronized (TestEngine.class) {
                if (process == null) {
                    ProcessIsolation.requireSandbox();
                    process = testBuilder(2).isolation(io.corral.api.Isolation.PROCESS).build();
                }
            }
        }
        return process;
    }

    /** Whether the scenario has a program of its own in {@code language}. */
    public static boolean hasProgram(String name, Language language) {
        return TestEngine.class.getResource("/scenarios/" + name + "/main" + language.fileExtension()) != null;
    }

    /** The languages that can run {@code scenario} (TypeScript whenever JavaScript can). */
    public static List<Language> languagesWith(String scenario) {
        return languages().stream().filter(l -> hasProgram(scenario, l)
                || (l == Language.TYPESCRIPT && hasProgram(scenario, Language.JAVASCRIPT))).toList();
    }

    /** The languages this build runs, for parameterized tests. */
    public static List<Language> languages() {
        return List.copyOf(ExecutionEngine.availableLanguages());
    }

    /**
     * A guest program from {@code src/test/resources/scenarios/<name>/main.<ext>}. TypeScript falls
     * back to the scenario's JavaScript program when it has none of its own: TypeScript is a
     * superset, so the same program exercises the TypeScript pipeline.
     */
    public static String program(String name, Language language) {
        if (language == Language.TYPESCRIPT && !hasProgram(name, language)) {
            return program(name, Language.JAVASCRIPT);
        }
        String path = "/scenarios/" + name + "/main" + language.fileExtension();
        try (InputStream in = TestEngine.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + language.wireName() + " program for scenario " + name
                        + " (expected " + path + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
