package io.corral.cli;

import io.corral.api.Execution;
import io.corral.api.FunctionRequest;
import io.corral.api.FunctionResult;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.OutputStatus;
import io.corral.api.RequestRejectedException;
import io.corral.api.wire.RizaJson;
import io.corral.engine.ExecutionEngine;
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

/** {@code corral call}: call a function's {@code execute(input)} once and print its result as JSON. */
@Command(name = "call",
        mixinStandardHelpOptions = true,
        description = {"Call execute(input) in a fresh sandbox and print the FunctionResult (Riza's JSON "
                + "shape) on stdout; the guest's own stdout and stderr appear only inside it.", "",
                "Examples:",
                "  corral call --language python --code 'def execute(input): return {\"n\": input[\"n\"] + 1}' "
                        + "--input '{\"n\": 1}'",
                "  corral call --language javascript tool.js --input-file input.json --json",
                "  corral call --request body.json",
                "",
                "Exit codes: 0 when output_status is valid, 1 otherwise, 2 when the request was rejected."},
        sortOptions = false)
final class CallCommand implements Callable<Integer> {

    @ParentCommand
    CorralCommand parent;

    @Option(names = {"-l", "--language"}, paramLabel = "LANG",
            description = "python, javascript or ruby (any case). Required unless --request is given.")
    String language;

    @Option(names = {"-c", "--code"}, paramLabel = "CODE", description = "The program text; defines execute(input).")
    String code;

    @ArgGroup(exclusive = true)
    InputSource input;

    static final class InputSource {
        @Option(names = "--input", paramLabel = "JSON", description = "The input, as JSON (default: none, "
                + "so execute receives None/null/nil).")
        String json;

        @Option(names = "--input-file", paramLabel = "FILE", description = "A file holding the input as JSON.")
        Path file;
    }

    @Option(names = {"-e", "--env"}, paramLabel = "K=V", description = "An environment variable for the guest "
            + "(repeatable). Nothing is inherited from this shell.")
    List<String> env = new ArrayList<>();

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Wall-clock limit (default 30).")
    Long timeout;

    @Option(names = "--allow-private-network", description = "Let the guest's HTTP requests (to hosts its "
            + "http.allow rules name) reach loopback and private addresses, e.g. a server on 127.0.0.1.")
    boolean allowPrivateNetwork;

    @Option(names = "--json", description = "Print the full Execution record (details.type \"function\") "
            + "instead of the FunctionResult.")
    boolean json;

    @Option(names = "--request", paramLabel = "FILE.json",
            description = "Take a Riza /v1/execute-function request body from a file ('-' for stdin).")
    String request;

    @Parameters(paramLabel = "FILE|-", arity = "0..1",
            description = "Without --code: the program file, or '-' to read it from stdin.")
    String file;

    @Override
    public Integer call() throws IOException {
        FunctionRequest req = request != null ? fromRequestFile() : fromFlags();
        ExecutionEngine engine = parent.engines.engine(req.language(), allowPrivateNetwork);
        try {
            Execution execution = engine.call(req);
            FunctionResult r = execution.functionResult();
            parent.out.println(RizaJson.writePretty(json ? RizaJson.execution(execution) : RizaJson.functionResult(r)));
            parent.out.flush();
            return r.outputStatus() == OutputStatus.VALID ? 0 : 1;
        } finally {
            parent.engines.release(engine);
        }
    }

    private FunctionRequest fromRequestFile() throws IOException {
        if (language != null || code != null || input != null || !env.isEmpty() || timeout != null || file != null) {
            throw new CorralCommand.UsageProblem("--request: cannot be combined with --language, --code, --input, "
                    + "--input-file, --env, --timeout or FILE; allowed: --request FILE.json [--json]");
        }
        String body = request.equals("-") ? new String(parent.stdin.readAllBytes(), StandardCharsets.UTF_8)
                : readFile("--request", Path.of(request));
        return RizaJson.functionRequest(RizaJson.parse(body));
    }

    private FunctionRequest fromFlags() throws IOException {
        if (language == null) {
            throw RequestRejectedException.invalid("--language", "is required", Language.allowedNames());
        }
        Language lang = Language.parse(language);
        String source = code;
        if (source == null && file == null) {
            throw new CorralCommand.UsageProblem("code: none given; allowed: --code CODE, a program FILE, "
                    + "or '-' to read the program from stdin");
        }
        if (source != null && file != null) {
            throw new CorralCommand.UsageProblem("FILE: '" + file + "' given with --code; allowed: one of --code "
                    + "CODE and FILE");
        }
        if (source == null) {
            source = file.equals("-") ? new String(parent.stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : readFile("FILE", Path.of(file));
        }
        String inputJson = null;
        if (input != null && input.json != null) {
            inputJson = input.json;
        } else if (input != null && input.file != null) {
            inputJson = readFile("--input-file", input.file);
        }
        if (inputJson != null) {
            // normalise and reject bad JSON here, naming the flag the user typed
            try {
                inputJson = RizaJson.write(RizaJson.parse(inputJson));
            } catch (RequestRejectedException e) {
                throw RequestRejectedException.invalid(input.json != null ? "--input" : "--input-file",
                        e.problem(), "a JSON value, e.g. '{\"n\": 1}'");
            }
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
        FunctionRequest.Builder b = FunctionRequest.newBuilder(lang, source).inputJson(inputJson).env(envMap);
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
