package io.corral.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.RequestRejectedException;
import io.corral.api.ScriptRequest;
import io.corral.api.wire.RizaJson;
import io.corral.engine.ExecutionEngine;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Option(names = {"-l", "--language"}, paramLabel = "LANG",
            description = "python, javascript or ruby (any case). Required unless --request is given.")
    String language;

    @Option(names = {"-c", "--code"}, paramLabel = "CODE", description = "The program text.")
    String code;

    @ArgGroup(exclusive = true)
    StdinSource stdin;

    static final class StdinSource {
        @Option(names = "--stdin", paramLabel = "TEXT", description = "Text passed as the guest's stdin, byte for byte.")
        String text;

        @Option(names = "--stdin-file", paramLabel = "FILE", description = "A file whose contents are the guest's stdin.")
        Path file;
    }

    @Option(names = {"-e", "--env"}, paramLabel = "K=V", description = "An environment variable for the guest "
            + "(repeatable). Nothing is inherited from this shell.")
    List<String> env = new ArrayList<>();

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
            description = "Wall-clock limit; the run is stopped with exit code 124 (default 30).")
    Long timeout;

    @Option(names = "--allow-private-network", description = "Let the guest's HTTP requests (to hosts its "
            + "http.allow rules name) reach loopback and private addresses, e.g. a server on 127.0.0.1.")
    boolean allowPrivateNetwork;

    @Option(names = "--json", description = "Print the Execution record (Riza's JSON shape) on stdout instead of "
            + "the guest's output.")
    boolean json;

    @Option(names = "--request", paramLabel = "FILE.json",
            description = "Take a Riza /v1/execute request body from a file ('-' for stdin).")
    String request;

    @Parameters(paramLabel = "FILE|- [ARG...]", description = "Without --code: the script file, or '-' to read "
            + "it from stdin. Everything else (after '--' when an argument starts with '-') is passed to the "
            + "guest as its arguments.")
    List<String> positional = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        ScriptRequest req = request != null ? fromRequestFile() : fromFlags();
        ExecutionEngine engine = parent.engines.engine(req.language(), allowPrivateNetwork);
        try {
            Execution execution = engine.run(req);
            ExecResult r = execution.scriptResult();
            if (json) {
                parent.out.println(RizaJson.writePretty(RizaJson.execution(execution)));
            } else {
                parent.out.print(r.stdout());
                parent.out.flush();
                parent.err.print(r.stderr());
                parent.err.flush();
            }
            return r.exitCode();
        } finally {
            parent.engines.release(engine);
        }
    }

    private ScriptRequest fromRequestFile() throws IOException {
        if (language != null || code != null || stdin != null || !env.isEmpty() || timeout != null
                || !positional.isEmpty()) {
            throw new CorralCommand.UsageProblem("--request: cannot be combined with --language, --code, --stdin, "
                    + "--env, --timeout or arguments; allowed: --request FILE.json [--json]");
        }
        String body = request.equals("-") ? new String(parent.stdin.readAllBytes(), StandardCharsets.UTF_8)
                : readFile("--request", Path.of(request));
        JsonNode node = RizaJson.parse(body);
        return RizaJson.scriptRequest(node);
    }

    private ScriptRequest fromFlags() throws IOException {
        if (language == null) {
            throw RequestRejectedException.invalid("--language", "is required", Language.allowedNames());
        }
        Language lang = Language.parse(language);
        List<String> args = new ArrayList<>(positional);
        String source = code;
        String stdinText = "";
        if (source == null) {
            if (args.isEmpty()) {
                throw new CorralCommand.UsageProblem("code: none given; allowed: --code CODE, a script FILE, "
                        + "or '-' to read the script from stdin");
            }
            String file = args.remove(0);
            source = file.equals("-") ? new String(parent.stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : readFile("FILE", Path.of(file));
        }
        if (stdin != null && stdin.text != null) {
            stdinText = stdin.text;
        } else if (stdin != null && stdin.file != null) {
            stdinText = readFile("--stdin-file", stdin.file);
        }
        Map<String, String> envMap = new LinkedHashMap<>();
        for (String kv : env) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new CorralCommand.UsageProblem("--env: '" + kv + "' is not NAME=VALUE; allowed: NAME=VALUE, "
                        + "e.g. --env DEBUG=true");
            }
            envMap.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        ScriptRequest.Builder b = ScriptRequest.newBuilder(lang, source).stdin(stdinText).args(args).env(envMap);
        if (timeout != null) {
            b.limits(Limits.newBuilder().executionTimeoutSeconds(timeout).build());
        }
        return b.build();
    }

    private static String readFile(String what, Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new CorralCommand.UsageProblem(what + ": '" + path + "' is not a readable file");
        }
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}
