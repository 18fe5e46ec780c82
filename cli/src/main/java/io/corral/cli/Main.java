package io.corral.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Entry point of the {@code corral} command; see {@link CorralCommand}. */
public final class Main {

    /**
     * How long the JVM's shutdown (Truffle's own hooks close every polyglot engine) may take before
     * the process ends regardless: SIGTERM always ends {@code corral}, and so does the end of a
     * command, whatever background work is still running.
     */
    static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(10);

    /** The status the process ends with if shutdown has to be cut short: a signal's 143 until the command ends. */
    private static volatile int exitStatus = 143;

    /** How long shutdown may take; {@code serve} extends it by its grace period. */
    private static volatile Duration shutdownBound = SHUTDOWN_BOUND;

    /** What {@code serve} does on SIGTERM/SIGINT before the process ends with status 0. */
    private static volatile Runnable gracefulStop;

    private Main() {
    }

    public static void main(String[] args) {
        quietLogging();
        Runtime.getRuntime().addShutdownHook(new Thread(Main::boundShutdown, "corral-shutdown-bound"));
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        int status = CorralCommand.execute(args, System.in, out, err, EngineProvider.perInvocation());
        out.flush();
        err.flush();
        exitStatus = status;
        System.exit(status);
    }

    /**
     * Runs as a shutdown hook: shutdown hooks run concurrently, so this one only arms a daemon
     * thread that halts the JVM if the others (or a hung engine close) have not finished in time.
     */
    private static void boundShutdown() {
        Duration bound = shutdownBound;
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(bound.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("corral: shutdown did not finish within " + bound.toSeconds()
                    + " s; ending the process");
            Runtime.getRuntime().halt(exitStatus);
        }, "corral-shutdown-halt");
        halter.setDaemon(true);
        halter.start();
        Runnable stop = gracefulStop;
        if (stop != null) {
            // a server asked to stop (SIGTERM, SIGINT) stops as it was asked to: cleanly, status 0
            try {
                stop.run();
            } finally {
                Runtime.getRuntime().halt(0);
            }
        }
    }

    /**
     * Libraries' logs (the schema validator, Javalin, Jetty, Flyway) would mix with the guest's
     * output on stderr: only warnings pass, one line each. {@code serve} lets its access log through.
     */
    private static void quietLogging() {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        }
        ROOT_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /** Held so the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final java.util.logging.Logger ROOT_LOG = java.util.logging.Logger.getLogger("");

    /**
     * Called by {@code serve} once it runs: on SIGTERM or SIGINT the JVM's shutdown runs {@code stop}
     * (stop accepting, finish or cancel in-flight executions, close the database) and then ends the
     * process with status 0; if that takes longer than {@code bound}, the process ends regardless.
     */
    static void serving(Duration bound, Runnable stop) {
        shutdownBound = bound;
        exitStatus = 0;
        gracefulStop = stop;
    }
}
