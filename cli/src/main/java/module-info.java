/**
 * The {@code corral} command. (The launcher runs it on the class path; this descriptor states
 * what it needs.)
 */
module io.corral.cli {
    requires io.corral.engine;
    requires io.corral.server;
    requires java.logging;
    requires java.management;
    requires info.picocli;

    opens io.corral.cli to info.picocli;
}
