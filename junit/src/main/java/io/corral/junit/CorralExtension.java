package io.corral.junit;

import io.corral.api.Configuration;
import io.corral.api.Language;
import io.corral.engine.ExecutionEngine;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The JUnit 5 extension behind {@link CorralTest}: resolves {@link ExecutionEngine} and
 * {@link LocalHttpServer} parameters. Engines live in JUnit's store and are closed when their
 * scope ends (the whole run, or the test class); servers are closed after each test.
 *
 * @since 0.1
 */
public final class CorralExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CorralExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ExecutionEngine.class || type == LocalHttpServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == LocalHttpServer.class) {
            return context.getStore(NAMESPACE).getOrComputeIfAbsent("server", k -> new Closing<>(LocalHttpServer.start()),
                    Closing.class).value();
        }
        CorralTest settings = settings(context);
        EngineKey key = new EngineKey(List.copyOf(Arrays.asList(settings.languages())), settings.warmContexts(),
                settings.timeoutSeconds(), settings.allowPrivateNetwork());
        ExtensionContext owner = settings.scope() == CorralTest.Scope.SUITE ? context.getRoot()
                : classContext(context);
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> new Closing<>(key.build()), Closing.class)
                .value();
    }

    /** The {@code @CorralTest} of the test class, or of the class a {@code @Nested} class is in. */
    private static CorralTest settings(ExtensionContext context) {
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            java.util.Optional<CorralTest> found = AnnotationSupport.findAnnotation(c, CorralTest.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ParameterResolutionException(context.getRequiredTestClass().getName()
                + " needs @CorralTest to get an ExecutionEngine parameter");
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** The settings an engine is shared by. */
    private record EngineKey(List<Language> languages, int warmContexts, int timeoutSeconds,
                             boolean allowPrivateNetwork) {
        ExecutionEngine build() {
            if (timeoutSeconds < 1) {
                throw new ExtensionConfigurationException("@CorralTest(timeoutSeconds = " + timeoutSeconds
                        + "): use at least 1");
            }
            ExecutionEngine.Builder b = ExecutionEngine.newBuilder()
                    .warmContexts(warmContexts)
                    .configuration(Configuration.RIZA.toBuilder()
                            .defaultExecutionTimeout(Duration.ofSeconds(timeoutSeconds))
                            .maxExecutionTimeout(Duration.ofSeconds(Math.max(timeoutSeconds, 300)))
                            .allowPrivateNetwork(allowPrivateNetwork)
                            .build());
            if (!languages.isEmpty()) {
                try {
                    b.languages(languages.toArray(new Language[0]));
                } catch (IllegalArgumentException e) {
                    throw new ExtensionConfigurationException("@CorralTest(languages = " + languages + "): "
                            + e.getMessage(), e);
                }
            }
            return b.build();
        }
    }

    /**
     * Closes what it holds when JUnit discards the store it lives in: JUnit 5.13 and later close a
     * stored {@link AutoCloseable} (and warn about a value that is only a {@code CloseableResource});
     * earlier versions close a {@code CloseableResource}. Either closes it once.
     */
    @SuppressWarnings("deprecation")
    private record Closing<T extends AutoCloseable>(T value)
            implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            value.close();
        }
    }
}
