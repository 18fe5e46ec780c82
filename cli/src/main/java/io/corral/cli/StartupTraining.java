package io.corral.cli;

import io.corral.api.Language;
import io.corral.engine.ExecutionEngine;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The training run behind the launcher's AOT cache (JEP 483/515): {@code ./corral} runs this once
 * after a build under {@code -XX:AOTMode=record}, with exactly the JVM flags and jars a one-shot
 * command uses, and the JVM records every class it loaded and linked (and the methods' profiles)
 * for {@code -XX:AOTMode=create} to store. It goes through the same {@link CorralCommand} code as
 * {@code corral run}, {@code corral call} and {@code corral --version}: one trivial program per
 * language, so one cache serves every language. Guest output is discarded; each program's status and
 * time go to stderr (the launcher's {@code cli/target/startup.log}).
 */
public final class StartupTraining {

    /**
     * Seconds each program may take: a first TypeScript transpile or PHP run on a loaded 2-core
     * machine can pass the default 30 s, and a program cut short trains less.
     */
    private static final String TIMEOUT = "300";

    private StartupTraining() {
    }

    public static void main(String[] args) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        for (List<String> command : commands(ExecutionEngine.availableLanguages())) {
            long start = System.nanoTime();
            int status = CorralCommand.execute(command.toArray(new String[0]), new ByteArrayInputStream(new byte[0]),
                    sink, sink, EngineProvider.perInvocation());
            // the launcher's log: a program that failed leaves its classes out of the cache, nothing worse
            System.err.printf("corral: start-up training: %s: status %d, %d ms%n",
                    String.join(" ", command.subList(0, Math.min(3, command.size()))), status,
                    (System.nanoTime() - start) / 1_000_000);
        }
        System.exit(0);
    }

    /** What the training runs, given the languages this build has. */
    static List<List<String>> commands(Set<Language> available) {
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.of("--version"));
        for (Language language : available) {
            String code = switch (language) {
                case PYTHON -> "import sys, json; print(json.dumps({'n': len(sys.argv)}))";
                case JAVASCRIPT -> "console.log(JSON.stringify({n: process.argv.length}))";
                // a new source each time, so the TypeScript compiler runs (its transpile cache would
                // otherwise answer a later training and leave the compiler's classes out)
                case TYPESCRIPT -> "const n: number = " + System.nanoTime() + "; console.log(n > 0)";
                case RUBY -> "puts({n: ARGV.size}.inspect)";
                case PHP -> "<?php echo json_encode(['n' => count($argv)]), \"\\n\";";
            };
            commands.add(List.of("run", "--language", language.wireName(), "--timeout", TIMEOUT, "--code", code, "--", "a"));
        }
        if (available.contains(Language.PYTHON)) {
            commands.add(List.of("call", "--language", "python", "--timeout", TIMEOUT, "--code",
                    "def execute(input):\n    return {'n': input['n'] + 1}", "--input", "{\"n\": 1}"));
        }
        if (available.contains(Language.JAVASCRIPT)) {
            commands.add(List.of("call", "--language", "javascript", "--timeout", TIMEOUT, "--code",
                    "function execute(input) { return {n: input.n + 1}; }", "--input", "{\"n\": 1}"));
        }
        return commands;
    }
}
