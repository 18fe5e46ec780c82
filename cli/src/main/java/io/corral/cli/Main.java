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

    private Main() {
    }

    public static void main(String[] args) {
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
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_BOUND.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("corral: shutdown did not finish within " + SHUTDOWN_BOUND.toSeconds()
                    + " s; ending the process");
            Runtime.getRuntime().halt(exitStatus);
        }, "corral-shutdown-halt");
        halter.setDaemon(true);
        halter.start();
    }
}
