/**
 * A JUnit 5 extension for testing tool code exactly as Corral runs it; see
 * {@link io.corral.junit.CorralTest}.
 *
 * @since 0.1
 */
module io.corral.junit {
    requires transitive io.corral.engine;
    requires transitive org.junit.jupiter.api;
    requires org.junit.jupiter.params;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;

    exports io.corral.junit;
    opens io.corral.junit to org.junit.platform.commons;
}
