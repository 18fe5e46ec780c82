package io.corral.cli;

import io.corral.api.Execution;
import io.corral.api.FunctionRequest;
import io.corral.api.FunctionResult;
import io.corral.api.Language;
import io.corral.api.OutputStatus;
import io.corral.api.RequestRejectedException;
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

    @Mixin
    GuestOptions options;

    @ArgGroup(exclusive = true)
    InputSource input;

    static final class InputSource {
        @Option(names = "--input", paramLabel = "JSON", description = "The input, as JSON (default: none, "
                + "so execute receives None/null/nil).")
        String json;

        @Option(names = "--input-file", paramLabel = "FILE", description = "A file holding the input as JSON.")
        Path file;
    }

    @Option(names = "--json", description = "Print the full Execution record (details.type \"function\") "
            + "instead of the FunctionResult.")
    boolean json;

    @Parameters(paramLabel = "FILE|-", arity = "0..1",
            description = "Without --code: the program file, or '-' to read it from stdin.")
    String file;

    @Override
    public Integer call() throws IOException {
        FunctionRequest req = options.request != null ? fromRequestFile() : fromFlags();
        ExecutionEngine engine = parent.engines.engine(req.language(), options.allowPrivateNetwork, options.isolation());
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
        if (options.describesRequest() || input != null || file != null) {
            throw new CorralCommand.UsageProblem("--request: cannot be combined with --language, --code, --input, "
                    + "--input-file, --env, --timeout or FILE; allowed: --request FILE.json [--json]");
        }
        return RizaJson.functionRequest(RizaJson.parse(options.requestBody(parent.stdin)));
    }

    private FunctionRequest fromFlags() throws IOException {
        Language lang = options.parsedLanguage();
        String source = options.program(file, parent.stdin, "program");
        String inputJson = null;
        if (input != null && input.json != null) {
            inputJson = input.json;
        } else if (input != null && input.file != null) {
            inputJson = GuestOptions.readFile("--input-file", input.file);
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
        return FunctionRequest.newBuilder(lang, source).inputJson(inputJson).env(options.envMap())
                .limits(options.limits()).build();
    }
}
