package io.corral.cli;

import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.api.wire.RizaJson;
import io.corral.engine.ExecutionEngine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code corral run}: run one script and pass its output and exit code through. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Run a script in a fresh sandbox. The guest's stdout and stderr go to this "
                + "command's own, and it exits with the guest's exit code.", "",
                "Examples:",
                "  corral run --language python --code 'print(1 + 1)'",
                "  corral run --language python --code 'import sys; print(sys.argv[1:])' -- a b",
                "  echo 'puts 42' | corral run --language ruby -",
                "  corral run --request body.json --json"},
        sortOptions = false)
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    CorralCommand parent;

    @Mixin
    GuestOptions options;

    @ArgGroup(exclusive = true)
    StdinSource stdin;

    static final class StdinSource {
        @Option(names = "--stdin", paramLabel = "TEXT", description = "Text passed as the guest's stdin, byte for byte.")
        String text;

        @Option(names = "--stdin-file", paramLabel = "FILE", description = "A file whose contents are the guest's stdin.")
        Path file;
    }

    @Option(names = "--json", description = "Print the Execution record (Riza's JSON shape, plus "
            + "\"outcome\": {kind, exit_status, stdout_truncated, stderr_truncated}) on stdout instead of the "
            + "guest's output.")
    boolean json;

    @Parameters(paramLabel = "FILE|- [ARG...]", description = "Without --code: the script file, or '-' to read "
            + "it from stdin. Everything else (after '--' when an argument starts with '-') is passed to the "
            + "guest as its arguments.")
    List<String> positional = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        ScriptRequest req = options.request != null ? fromRequestFile() : fromFlags();
        ExecutionEngine engine = parent.engines.engine(req.language(), options.allowPrivateNetwork, options.isolation());
        try {
            Execution execution = engine.run(req);
            ExecResult r = execution.scriptResult();
            if (json) {
                parent.out.println(RizaJson.writePretty(RizaJson.execution(execution)));
            } else {
                parent.out.print(r.stdout());
                parent.out.flush();
                parent.err.print(r.stderr());
                // the host's notes come after the guest's own output, one line each
                if (!execution.notices().isEmpty() && !r.stderr().isEmpty() && !r.stderr().endsWith("\n")) {
                    parent.err.println();
                }
                for (String notice : execution.notices()) {
                    parent.err.println("corral: " + notice);
                }
                parent.err.flush();
            }
            return r.exitCode();
        } finally {
            parent.engines.release(engine);
        }
    }

    private ScriptRequest fromRequestFile() throws IOException {
        if (options.describesRequest() || stdin != null || !positional.isEmpty()) {
            throw new CorralCommand.UsageProblem("--request: cannot be combined with --language, --code, --stdin, "
                    + "--env, --timeout or arguments; allowed: --request FILE.json [--json]");
        }
        return RizaJson.scriptRequest(RizaJson.parse(options.requestBody(parent.stdin)));
    }

    private ScriptRequest fromFlags() throws IOException {
        Language lang = options.parsedLanguage();
        List<String> args = new ArrayList<>(positional);
        String file = options.code == null && !args.isEmpty() ? args.remove(0) : null;
        String source = options.program(file, parent.stdin, "script");
        String stdinText = "";
        if (stdin != null && stdin.text != null) {
            stdinText = stdin.text;
        } else if (stdin != null && stdin.file != null) {
            stdinText = GuestOptions.readFile("--stdin-file", stdin.file);
        }
        return ScriptRequest.newBuilder(lang, source).stdin(stdinText).args(args).env(options.envMap())
                .limits(options.limits()).build();
    }
}
