package io.corral.engine.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.corral.api.ExecResult;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.ExecutionEngine;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The differential corpus: ordinary programs of the kinds tool code is made of, each run under
 * Corral and under the real interpreter ({@link NativeInterpreter}), comparing stdout and the exit
 * code exactly and stderr by error type ({@link ErrorType}). Programs live in
 * {@code src/test/resources/corpus/<language>/<name>.<ext>}, with an optional
 * {@code <name>.json} beside them: {@code {"stdin": "…", "args": […], "env": {…}}}.
 *
 * <p>Differences that are deliberate or come from the version gap (Debian ships CPython 3.11, Node
 * 20, CRuby 3.1, PHP 8.2; Corral implements 3.12, ECMAScript 2025, 3.3, 8.4) are listed once, each
 * with its reason, in {@code corpus/differences.yaml}; any other difference fails, and so does a
 * listed difference that no longer occurs (remove it). Each language's score is written to
 * {@code target/corpus-scores/<language>.txt} for {@code docs/languages/*.md}.
 *
 * <p>Subclasses say which languages they run (the PHP module runs PHP through this same suite).
 * Runs through one shared engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DifferentialCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The languages this suite runs. */
    protected abstract List<Language> languages();

    protected ExecutionEngine engine() {
        return TestEngine.shared();
    }

    private final Map<Language, Score> scores = new ConcurrentHashMap<>();
    private JsonNode differences;

    /** One program's outcome on one side. */
    public record Outcome(String stdout, String stderr, int exitCode) {
    }

    private record Score(java.util.concurrent.atomic.AtomicInteger same,
                         java.util.concurrent.atomic.AtomicInteger listed,
                         java.util.concurrent.atomic.AtomicInteger total) {
        Score() {
            this(new java.util.concurrent.atomic.AtomicInteger(), new java.util.concurrent.atomic.AtomicInteger(),
                    new java.util.concurrent.atomic.AtomicInteger());
        }
    }

    Stream<Arguments> programs() {
        List<Arguments> out = new ArrayList<>();
        for (Language language : languages()) {
            for (String name : programNames(language)) {
                out.add(Arguments.of(language, name));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("programs")
    void behavesLikeTheRealInterpreter(Language language, String name) throws Exception {
        NativeInterpreter real = NativeInterpreter.of(language);
        if (!real.available()) {
            String message = real.command() + " is not installed (./.ci/run installs it from Debian's packages)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            throw new TestAbortedException(message);
        }
        String source = resource(language, name + language.fileExtension());
        Run run = Run.of(resourceOrNull(language, name + ".json"));

        ScriptRequest.Builder request = ScriptRequest.newBuilder(language, source).stdin(run.stdin())
                .args(run.args().toArray(new String[0]));
        run.env().forEach(request::env);
        ExecResult corral = engine().run(request.build()).scriptResult();
        Outcome ours = new Outcome(corral.stdout(), corral.stderr(), corral.exitCode());
        Outcome theirs = real.run(source, run);

        Map<String, String> found = new TreeMap<>();
        if (ours.exitCode() != theirs.exitCode()) {
            found.put("exit", ours.exitCode() + " vs " + theirs.exitCode());
        }
        if (!ours.stdout().equals(theirs.stdout())) {
            found.put("stdout", "stdout differs");
        }
        String ourError = ErrorType.of(language, ours.stderr());
        String theirError = ErrorType.of(language, theirs.stderr());
        if (!ourError.equals(theirError)) {
            found.put("stderr", ourError + " vs " + theirError);
        }

        Score score = scores.computeIfAbsent(language, l -> new Score());
        score.total().incrementAndGet();
        JsonNode listed = differences().path(language.wireName()).path(name);
        List<String> problems = new ArrayList<>();
        for (String field : found.keySet()) {
            if (!listed.has(field)) {
                problems.add(field + ": " + found.get(field));
            }
        }
        for (Iterator<String> it = listed.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!found.containsKey(field)) {
                problems.add(field + " is listed in corpus/differences.yaml but no longer differs: remove it");
            }
        }
        if (found.isEmpty()) {
            score.same().incrementAndGet();
        } else if (problems.isEmpty()) {
            score.listed().incrementAndGet();
        }
        if (!problems.isEmpty()) {
            fail(language.wireName() + "/" + name + " behaves differently under Corral and " + real.command() + ":\n"
                    + String.join("\n", problems) + "\n" + side("corral", ours) + side(real.command(), theirs));
        }
    }

    @AfterAll
    void writeScores() throws IOException {
        Path dir = Path.of("target", "corpus-scores");
        Files.createDirectories(dir);
        for (Map.Entry<Language, Score> e : scores.entrySet()) {
            Score s = e.getValue();
            Files.writeString(dir.resolve(e.getKey().wireName() + ".txt"), s.same() + "/" + s.total()
                    + " behave the same; " + s.listed() + " differ as listed in corpus/differences.yaml\n");
        }
    }

    private static String side(String who, Outcome o) {
        return "--- " + who + " (exit " + o.exitCode() + ")\n" + abbreviate(o.stdout()) + "--- " + who + " stderr\n"
                + abbreviate(o.stderr());
    }

    private static String abbreviate(String s) {
        return (s.length() <= 3000 ? s : s.substring(0, 3000) + "…") + (s.endsWith("\n") ? "" : "\n");
    }

    private synchronized JsonNode differences() throws IOException {
        if (differences == null) {
            String text = resourceText("/corpus/differences.yaml");
            differences = text == null ? JSON.createObjectNode() : YAML.readTree(text);
            if (differences == null || differences.isMissingNode() || differences.isNull()) {
                differences = JSON.createObjectNode();
            }
        }
        return differences;
    }

    /** Run settings from a program's {@code .json} sidecar. */
    public record Run(String stdin, List<String> args, Map<String, String> env) {
        static Run of(String json) throws IOException {
            if (json == null) {
                return new Run("", List.of(), Map.of());
            }
            JsonNode node = JSON.readTree(json);
            List<String> args = new ArrayList<>();
            node.path("args").forEach(a -> args.add(a.asText()));
            Map<String, String> env = new TreeMap<>();
            node.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            return new Run(node.path("stdin").asText(""), args, env);
        }
    }

    // ---- resources --------------------------------------------------------------------------------

    private static String resource(Language language, String file) {
        String text = resourceOrNull(language, file);
        if (text == null) {
            throw new IllegalStateException("missing corpus/" + language.wireName() + "/" + file);
        }
        return text;
    }

    private static String resourceOrNull(Language language, String file) {
        return resourceText("/corpus/" + language.wireName() + "/" + file);
    }

    private static String resourceText(String path) {
        try (InputStream in = DifferentialCorpus.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The programs of a language: every {@code corpus/<language>/*.<ext>}, sorted by name. */
    static List<String> programNames(Language language) {
        URL url = DifferentialCorpus.class.getResource("/corpus/" + language.wireName());
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return names(jar.getPath("/corpus/" + language.wireName()), language);
                } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                    return names(FileSystems.getFileSystem(uri).getPath("/corpus/" + language.wireName()), language);
                }
            }
            return names(Path.of(uri), language);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the corpus of " + language.wireName(), e);
        }
    }

    private static List<String> names(Path dir, Language language) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(language.fileExtension()))
                    .map(n -> n.substring(0, n.length() - language.fileExtension().length()))
                    .sorted()
                    .toList();
        }
    }
}
