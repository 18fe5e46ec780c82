package io.corral.engine.corpus;

import io.corral.api.Language;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real interpreter a corpus program is compared with: Debian's {@code python3}, {@code node},
 * {@code ruby} and {@code php} (installed by {@code .ci/run}); TypeScript is transpiled with the
 * same bundled compiler Corral uses and run by {@code node}. Each program runs in a fresh folder as
 * {@code main.<ext>}, with a clean environment holding only {@code PATH}, {@code LANG} and the
 * program's own variables.
 */
public final class NativeInterpreter {

    private static final Path TYPESCRIPT_RUNNER = Path.of("target", "corpus-typescript");

    private final Language language;
    private final List<String> command;

    private NativeInterpreter(Language language, List<String> command) {
        this.language = language;
        this.command = command;
    }

    public static NativeInterpreter of(Language language) {
        return switch (language) {
            case PYTHON -> new NativeInterpreter(language, List.of(Files.isExecutable(Path.of("/usr/bin/python3"))
                    ? "/usr/bin/python3" : "python3"));
            case JAVASCRIPT, TYPESCRIPT -> new NativeInterpreter(language, List.of("node"));
            case RUBY -> new NativeInterpreter(language, List.of("ruby"));
            // Corral's php.ini sends errors to stderr as text and fills $_ENV (variables_order EGPCS,
            // PHP's built-in default); Debian's php.ini for the CLI differs
            case PHP -> new NativeInterpreter(language, List.of("php", "-d", "display_errors=stderr",
                    "-d", "log_errors=0", "-d", "html_errors=0", "-d", "error_reporting=-1",
                    "-d", "variables_order=EGPCS"));
        };
    }

    /** The command, for messages. */
    public String command() {
        return String.join(" ", command);
    }

    /** Whether the interpreter is installed on this machine. */
    public boolean available() {
        try {
            Process p = new ProcessBuilder(command.get(0), "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public DifferentialCorpus.Outcome run(String source, DifferentialCorpus.Run run) throws IOException,
            InterruptedException {
        Path dir = Files.createTempDirectory("corral-corpus-");
        try {
            String file = "main" + language.fileExtension();
            Files.writeString(dir.resolve(file), source, StandardCharsets.UTF_8);
            if (language == Language.TYPESCRIPT) {
                DifferentialCorpus.Outcome transpiled = exec(dir, List.of("node", typescriptRunner().toString(), file),
                        "", Map.of());
                if (transpiled.exitCode() != 0) {
                    return transpiled;
                }
                file = "main.js";
            }
            List<String> cmd = new ArrayList<>(command);
            cmd.add(file);
            cmd.addAll(run.args());
            return exec(dir, cmd, run.stdin(), run.env());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static DifferentialCorpus.Outcome exec(Path dir, List<String> cmd, String stdin, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().putAll(env);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread o = pump(p.getInputStream(), out);
        Thread e = pump(p.getErrorStream(), err);
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException closed) {
            // the program did not read its stdin
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd + " did not finish within 120 s");
        }
        o.join();
        e.join();
        return new DifferentialCorpus.Outcome(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                p.exitValue());
    }

    private static Thread pump(InputStream from, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * A node script that transpiles {@code main.ts} to {@code main.js} with the TypeScript compiler
     * Corral bundles (same version), as CommonJS for node.
     */
    private static synchronized Path typescriptRunner() throws IOException {
        Path runner = TYPESCRIPT_RUNNER.resolve("transpile.js").toAbsolutePath();
        if (Files.exists(runner)) {
            return runner;
        }
        Files.createDirectories(runner.getParent());
        try (InputStream compiler = NativeInterpreter.class.getResourceAsStream(
                "/io/corral/engine/lang/typescript/typescript.js")) {
            if (compiler == null) {
                throw new IllegalStateException("the bundled TypeScript compiler is not on the class path");
            }
            Files.copy(compiler, runner.resolveSibling("typescript.js"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.writeString(runner, String.join("\n",
                "const ts = require('./typescript.js');",
                "const fs = require('fs');",
                "const source = fs.readFileSync(process.argv[2], 'utf8');",
                "const out = ts.transpileModule(source, { compilerOptions: {",
                "  target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true } });",
                "fs.writeFileSync('main.js', out.outputText);", ""));
        return runner;
    }
}
