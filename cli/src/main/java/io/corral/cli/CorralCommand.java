package io.corral.cli;

import io.corral.api.RequestRejectedException;
import io.corral.engine.ExecutionEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * {@code corral}: run untrusted code in Python, JavaScript or Ruby in an in-process sandbox.
 * Exit codes: the guest's own for {@code run}; 2 for anything rejected before running.
 */
@Command(name = "corral",
        mixinStandardHelpOptions = true,
        versionProvider = CorralCommand.Versions.class,
        description = "Run untrusted code in an in-process GraalVM sandbox: no host files, processes, "
                + "sockets, host environment or Java classes.",
        subcommands = {RunCommand.class, CallCommand.class, ServeCommand.class, BackupCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: run: the guest's exit code, 124 when the time limit stopped it; "
                + "call: 0 when output_status is valid, 1 otherwise; serve: 0 when stopped by SIGTERM or SIGINT; "
                + "bench: 0, 1 when a measured run failed; "
                + "2 when the request or the command line was rejected before running."})
public final class CorralCommand implements Runnable {

    /** Exit code for anything rejected before the guest ran. */
    public static final int REJECTED = 2;

    @Spec
    CommandSpec spec;

    final InputStream stdin;
    final PrintStream out;
    final PrintStream err;
    final EngineProvider engines;

    CorralCommand(InputStream stdin, PrintStream out, PrintStream err, EngineProvider engines) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.engines = engines;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, call, serve, backup, bench)");
    }

    /** Runs the command line and returns the exit status (never calls {@code System.exit}). */
    public static int execute(String[] args, InputStream stdin, PrintStream out, PrintStream err,
                              EngineProvider engines) {
        CorralCommand root = new CorralCommand(stdin, out, err, engines);
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, argv) -> {
            err.println("corral: " + ex.getMessage());
            CommandLine sub = ex.getCommandLine();
            err.println("Try '" + sub.getCommandSpec().qualifiedName() + " --help' for more information.");
            return REJECTED;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof RequestRejectedException rejected) {
                err.println("corral: " + rejected.getMessage());
                return REJECTED;
            }
            if (ex instanceof UsageProblem usage) {
                err.println("corral: " + usage.getMessage());
                return REJECTED;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /** A problem with the command line found after parsing (unreadable file, bad K=V, …). */
    static final class UsageProblem extends RuntimeException {
        UsageProblem(String message) {
            super(message);
        }
    }

    /** {@code corral --version}: Corral, the Truffle runtime and each language's version. */
    static final class Versions implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            try (ExecutionEngine engine = EngineProvider.perInvocation().engine()) {
                java.util.List<String> lines = new java.util.ArrayList<>();
                lines.add("corral " + io.corral.engine.BuildInfo.corralVersion()
                        + " (GraalVM " + io.corral.engine.BuildInfo.graalVersion() + " languages)");
                lines.add("truffle runtime: " + engine.truffleRuntime());
                for (Map.Entry<io.corral.api.Language, String> e : engine.languageVersions().entrySet()) {
                    lines.add(e.getKey().wireName() + ": " + e.getValue());
                }
                lines.add("java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
                return lines.toArray(new String[0]);
            }
        }
    }
}
