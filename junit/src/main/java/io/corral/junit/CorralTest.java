package io.corral.junit;

import io.corral.api.Language;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tests tool code exactly as Corral runs it: test methods (and constructors, {@code @BeforeAll} and
 * {@code @BeforeEach} methods) may declare an {@link io.corral.engine.ExecutionEngine} parameter and
 * get a warm engine configured by this annotation, shared by every test class with the same
 * settings for the whole run ({@link Scope#SUITE}) or made for this class alone
 * ({@link Scope#CLASS}); and a {@link LocalHttpServer} parameter: a real server on 127.0.0.1 for
 * the tool's outbound HTTP, fresh for each test.
 *
 * <pre>{@code
 * @CorralTest(languages = Language.PYTHON)
 * class AddToolTest {
 *     @Test
 *     void addsTwoNumbers(ExecutionEngine engine) {
 *         Execution run = ToolCode.fromResource("tools/add.py").call(engine, "{\"a\": 2, \"b\": 3}");
 *         CorralAssertions.assertThat(run).succeeded().hasOutputJson("5");
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CorralExtension.class)
public @interface CorralTest {

    /** Languages the engine runs; empty (the default): every language on the test class path. */
    Language[] languages() default {};

    /** Contexts per language created ahead of time, so each test pays no context start-up (default 1). */
    int warmContexts() default 1;

    /** The time limit of an execution that sets none, in seconds (default 30, as on Riza). */
    int timeoutSeconds() default 30;

    /**
     * Whether tools' HTTP may reach loopback and private addresses: needed to test against a
     * {@link LocalHttpServer} (default false, as in production).
     */
    boolean allowPrivateNetwork() default false;

    /** How widely the engine is shared (default {@link Scope#SUITE}). */
    Scope scope() default Scope.SUITE;

    /**
     * How widely an engine is shared.
     *
     * @since 0.1
     */
    enum Scope {
        /** One engine per distinct set of settings for the whole test run (engines cost seconds to start). */
        SUITE,
        /** One engine for this test class, closed after it. */
        CLASS
    }
}
