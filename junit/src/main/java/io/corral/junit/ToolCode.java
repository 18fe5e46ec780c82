package io.corral.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.corral.api.Execution;
import io.corral.api.FunctionRequest;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.ExecutionEngine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A tool's code and language, usually loaded from the test's resources, ready to be called the way
 * Corral calls tools ({@code execute(input)}) or run as a script.
 *
 * <pre>{@code
 * ToolCode add = ToolCode.fromResource("tools/add.py");              // language from the extension
 * Execution run = add.call(engine, Map.of("a", 2, "b", 3));          // input as JSON, by Jackson
 * ToolCode same = ToolCode.fromResource("tools/add", Language.RUBY); // tools/add.rb
 * }</pre>
 *
 * @since 0.1
 */
public final class ToolCode {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Language language;
    private final String code;
    private final String name;

    private ToolCode(Language language, String code, String name) {
        this.language = Objects.requireNonNull(language, "language");
        this.code = Objects.requireNonNull(code, "code");
        this.name = name;
    }

    /** Code given inline. */
    public static ToolCode of(Language language, String code) {
        return new ToolCode(language, code, "<inline " + language.wireName() + " code>");
    }

    /**
     * The class-path resource at {@code path} (as in {@code src/test/resources}), its language
     * taken from the file extension ({@code .py}, {@code .js}, {@code .ts}, {@code .rb}, {@code .php}).
     */
    public static ToolCode fromResource(String path) {
        for (Language l : Language.values()) {
            if (path.endsWith(l.fileExtension())) {
                return new ToolCode(l, read(path), path);
            }
        }
        throw new IllegalArgumentException("cannot tell the language of '" + path + "' from its extension; "
                + "use .py, .js, .ts, .rb or .php, or fromResource(path, language)");
    }

    /**
     * The resource {@code base + language's extension}: one tool written in several languages, for
     * a test parameterized over languages ({@code fromResource("tools/add", lang)} reads
     * {@code tools/add.py}, {@code tools/add.js}, …).
     */
    public static ToolCode fromResource(String base, Language language) {
        String path = base.endsWith(language.fileExtension()) ? base : base + language.fileExtension();
        return new ToolCode(language, read(path), path);
    }

    public Language language() {
        return language;
    }

    public String code() {
        return code;
    }

    /** Calls {@code execute(input)} with {@code inputJson} (JSON text, or null for no input) and waits. */
    public Execution call(ExecutionEngine engine, String inputJson) {
        return engine.call(functionRequest(inputJson).build());
    }

    /** Calls {@code execute(input)} with {@code input} written as JSON by Jackson, and waits. */
    public Execution call(ExecutionEngine engine, Object input) {
        try {
            return call(engine, JSON.writeValueAsString(input));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the input cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A function request for this code, to add env, limits, HTTP rules or files before building it. */
    public FunctionRequest.Builder functionRequest(String inputJson) {
        return FunctionRequest.newBuilder(language, code).inputJson(inputJson);
    }

    /** Runs the code as a script (no {@code execute} call) and waits. */
    public Execution run(ExecutionEngine engine) {
        return run(engine, b -> b);
    }

    /** Runs the code as a script, with stdin, args, env… set by {@code request}, and waits. */
    public Execution run(ExecutionEngine engine, UnaryOperator<ScriptRequest.Builder> request) {
        return engine.run(request.apply(ScriptRequest.newBuilder(language, code)).build());
    }

    @Override
    public String toString() {
        return name + " (" + language.wireName() + ")";
    }

    private static String read(String path) {
        String resource = path.startsWith("/") ? path.substring(1) : path;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : ToolCode.class.getClassLoader()).getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource '" + resource + "' (put it under "
                        + "src/test/resources/" + resource + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
