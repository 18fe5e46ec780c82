package io.corral.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code corral} command; see {@link CorralCommand}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        int status = CorralCommand.execute(args, System.in, out, err, EngineProvider.perInvocation());
        out.flush();
        err.flush();
        System.exit(status);
    }
}
