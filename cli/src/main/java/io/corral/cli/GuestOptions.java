package io.corral.cli;

import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.RequestRejectedException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options {@code run} and {@code call} share, and how they turn into request parts. */
final class GuestOptions {

    @Option(names = {"-l", "--language"}, paramLabel = "LANG", order = 1,
            description = "python, javascript, typescript, ruby or php (any case). Required unless --request is "
                    + "given.")
    String language;

    @Option(names = {"-c", "--code"}, paramLabel = "CODE", order = 2, description = "The program text.")
    String code;

    @Option(names = {"-e", "--env"}, paramLabel = "K=V", order = 5, description = "An environment variable for the "
            + "guest (repeatable). Nothing is inherited from this shell.")
    List<String> env = new ArrayList<>();

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", order = 6,
            description = "Wall-clock limit; the run is stopped with exit code 124 (default 30).")
    Long timeout;

    @Option(names = "--allow-private-network", order = 7, description = "Let the guest's HTTP requests (to hosts "
            + "its http.allow rules name) reach loopback and private addresses, e.g. a server on 127.0.0.1.")
    boolean allowPrivateNetwork;

    @Option(names = "--isolation", paramLabel = "MODE", order = 8,
            description = "in-process or process (a worker JVM in a bubblewrap sandbox, memory_size enforced by "
                    + "the OS). Default: process for ruby, in-process for the others.")
    String isolation;

    @Option(names = "--request", paramLabel = "FILE.json", order = 9,
            description = "Take a Riza request body from a file ('-' for stdin): /v1/execute for run, "
                    + "/v1/execute-function for call.")
    String request;

    /** The chosen isolation, or null for each language's default. */
    io.corral.api.Isolation isolation() {
        return isolation == null ? null : io.corral.api.Isolation.parse(isolation);
    }

    /** True when any flag that describes the request itself was given (they exclude --request). */
    boolean describesRequest() {
        return language != null || code != null || !env.isEmpty() || timeout != null;
    }

    Language parsedLanguage() {
        if (language == null) {
            throw RequestRejectedException.invalid("--language", "is required", Language.allowedNames());
        }
        return Language.parse(language);
    }

    /** The {@code --env} pairs, in order. */
    Map<String, String> envMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : env) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new CorralCommand.UsageProblem("--env: '" + kv + "' is not NAME=VALUE; allowed: NAME=VALUE, "
                        + "e.g. --env DEBUG=true");
            }
            out.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return out;
    }

    /** {@code --timeout} as request limits (inherit everything when it is absent). */
    Limits limits() {
        return timeout == null ? Limits.INHERIT : Limits.newBuilder().executionTimeoutSeconds(timeout).build();
    }

    /** The {@code --request} body, from its file or from stdin. */
    String requestBody(InputStream stdin) throws IOException {
        return request.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                : readFile("--request", Path.of(request));
    }

    /** The program from {@code --code}, or from FILE ('-': stdin). */
    String program(String file, InputStream stdin, String what) throws IOException {
        if (code != null && file != null) {
            throw new CorralCommand.UsageProblem("FILE: '" + file + "' given with --code; allowed: one of --code "
                    + "CODE and FILE");
        }
        if (code != null) {
            return code;
        }
        if (file == null) {
            throw new CorralCommand.UsageProblem("code: none given; allowed: --code CODE, a " + what + " FILE, "
                    + "or '-' to read the " + what + " from stdin");
        }
        return file.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                : readFile("FILE", Path.of(file));
    }

    static String readFile(String what, Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new CorralCommand.UsageProblem(what + ": '" + path + "' is not a readable file");
        }
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}
