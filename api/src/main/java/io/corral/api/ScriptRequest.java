package io.corral.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A script to run: Riza's {@code POST /v1/execute} body.
 *
 * <pre>{@code
 * ScriptRequest req = ScriptRequest.newBuilder(Language.PYTHON, "import sys; print(sys.stdin.read())")
 *         .stdin("hello")
 *         .args("a", "b")
 *         .env("DEBUG", "true")
 *         .limits(Limits.newBuilder().executionTimeoutSeconds(5).build())
 *         .file("d/x.txt", "42")                                  // /mnt/req/d/x.txt
 *         .http(HttpPolicy.allow(HttpAllowRule.of("api.example.com")))
 *         .build();
 * }</pre>
 *
 * Nothing is validated here beyond non-null-ness: the engine checks quotas and reports every
 * problem as a {@link RequestRejectedException} before anything runs.
 *
 * @since 0.1
 */
public final class ScriptRequest {

    private final Language language;
    private final String code;
    private final String stdin;
    private final List<String> args;
    private final Map<String, String> env;
    private final Limits limits;
    private final List<InputFile> files;
    private final HttpPolicy http;
    private final Isolation isolation;

    private ScriptRequest(Builder b) {
        this.language = b.language;
        this.code = b.code;
        this.stdin = b.stdin;
        this.args = List.copyOf(b.args);
        this.env = Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
        this.limits = b.limits;
        this.files = List.copyOf(b.files);
        this.http = b.http;
        this.isolation = b.isolation;
    }

    public Language language() {
        return language;
    }

    public String code() {
        return code;
    }

    /** {@code ""} when not set. */
    public String stdin() {
        return stdin;
    }

    /** Arguments after the script path ({@code sys.argv[1:]}). */
    public List<String> args() {
        return args;
    }

    /** The guest's whole environment: nothing of the host's is added. */
    public Map<String, String> env() {
        return env;
    }

    public Limits limits() {
        return limits;
    }

    /** Files readable at {@code /mnt/req/<path>}. */
    public List<InputFile> files() {
        return files;
    }

    public HttpPolicy http() {
        return http;
    }

    /**
     * Where this request asks to run, if it asks; honoured only by an engine that lets requests
     * choose ({@code ExecutionEngine.Builder.requestIsolation}), rejected by others.
     *
     * @since 0.1
     */
    public java.util.Optional<Isolation> isolation() {
        return java.util.Optional.ofNullable(isolation);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScriptRequest r && language == r.language && code.equals(r.code) && stdin.equals(r.stdin)
                && args.equals(r.args) && env.equals(r.env) && limits.equals(r.limits) && files.equals(r.files)
                && http.equals(r.http) && Objects.equals(isolation, r.isolation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(language, code, stdin, args, env, limits, files, http, isolation);
    }

    @Override
    public String toString() {
        return "ScriptRequest{" + language.wireName() + ", " + code.length() + " chars of code, " + args.size()
                + " args, env " + env.keySet() + ", " + files.size() + " files, " + http + "}";
    }

    public static ScriptRequest of(Language language, String code) {
        return newBuilder(language, code).build();
    }

    public static Builder newBuilder(Language language, String code) {
        return new Builder(language, code);
    }

    /** A builder starting from this request, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder(language, code).stdin(stdin).args(args).env(env).limits(limits).files(files).http(http);
        b.isolation = isolation;
        return b;
    }

    /** Builder for {@link ScriptRequest}. */
    public static final class Builder {
        private final Language language;
        private final String code;
        private String stdin = "";
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private Limits limits = Limits.INHERIT;
        private final List<InputFile> files = new ArrayList<>();
        private HttpPolicy http = HttpPolicy.DENY_ALL;
        private Isolation isolation;

        private Builder(Language language, String code) {
            this.language = Objects.requireNonNull(language, "language");
            this.code = Objects.requireNonNull(code, "code");
        }

        public Builder stdin(String stdin) {
            this.stdin = Objects.requireNonNull(stdin, "stdin");
            return this;
        }

        public Builder args(String... args) {
            return args(List.of(args));
        }

        public Builder args(List<String> args) {
            this.args.clear();
            args.forEach(a -> this.args.add(Objects.requireNonNull(a, "arg")));
            return this;
        }

        public Builder env(String name, String value) {
            this.env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder env(Map<String, String> env) {
            this.env.clear();
            env.forEach(this::env);
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Files readable at {@code /mnt/req/<path>}. */
        public Builder files(List<InputFile> files) {
            this.files.clear();
            this.files.addAll(files);
            return this;
        }

        public Builder file(String path, String contents) {
            this.files.add(InputFile.of(path, contents));
            return this;
        }

        /** Outbound HTTP allowed to this run (default: none). */
        public Builder http(HttpPolicy http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** Asks for an isolation mode (see {@link ScriptRequest#isolation()}); default: the engine's for the language. */
        public Builder isolation(Isolation isolation) {
            this.isolation = Objects.requireNonNull(isolation, "isolation");
            return this;
        }

        public ScriptRequest build() {
            return new ScriptRequest(this);
        }
    }
}
