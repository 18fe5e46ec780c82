package io.corral.engine;

import io.corral.api.Language;
import io.corral.api.Limits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One engine shared by every test class in the JVM: GraalVM engines are expensive to start, and
 * sharing them is exactly what production does. Tests must not close it.
 */
public final class TestEngine {

    private static final ExecutionEngine SHARED = ExecutionEngine.newBuilder()
            .concurrency(4)
            .queueCapacity(256)
            .defaultLimits(Limits.newBuilder().executionTimeoutSeconds(60).build())
            .build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SHARED::close));
    }

    private TestEngine() {
    }

    public static ExecutionEngine shared() {
        return SHARED;
    }

    /** The languages this build runs, for parameterized tests. */
    public static List<Language> languages() {
        return List.copyOf(ExecutionEngine.availableLanguages());
    }

    /** A guest program from {@code src/test/resources/scenarios/<name>/main.<ext>}. */
    public static String program(String name, Language language) {
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
