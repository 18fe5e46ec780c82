/**
 * Corral's server: Riza's REST API over the engine ({@link io.corral.server.CorralServer}), and its
 * storage ({@code io.corral.server.store}: SQLite through Flyway migrations). The HTTP internals
 * stay inside.
 *
 * @since 0.1
 */
module io.corral.server {
    requires transitive io.corral.engine;
    requires io.javalin;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.util;
    requires com.fasterxml.jackson.databind;
    requires com.google.common;
    requires org.xerial.sqlitejdbc;
    requires flyway.core;
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires java.sql;
    requires java.logging;

    exports io.corral.server;
    exports io.corral.server.auth;
    exports io.corral.server.store;

    // Flyway reads the migrations as resources
    opens db.migration;
}
