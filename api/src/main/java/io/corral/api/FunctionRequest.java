package io.corral.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A function to call: Riza's {@code POST /v1/execute-function} body. The code defines a top-level
 * {@code execute(input)}; it is called once with {@code inputJson} as native data.
 *
 * <pre>{@code
 * FunctionRequest req = FunctionRequest.newBuilder(Language.PYTHON,
 *         "def execute(input): return {'n': input['n'] + 1}")
 *     .inputJson("{\"n\": 1}")
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class FunctionRequest {

    private final Language language;
    private final String code;
    private final String inputJson;
    private final Map<String, String> env;
    private final Limits limits;
    private final List<InputFile> files;
    private final HttpPolicy http;
    private final Isolation isolation;
    private final boolean reusable;
    private final String instanceScope;

    private FunctionRequest(Builder b) {
        this.language = b.language;
        this.code = b.code;
        this.inputJson = b.inputJson;
        this.env = Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
        this.limits = b.limits;
        this.files = List.copyOf(b.files);
        this.http = b.http;
        this.isolation = b.isolation;
        this.reusable = b.reusable;
        this.instanceScope = b.instanceScope;
    }

    public static Builder newBuilder(Language language, String code) {
        return new Builder(language, code);
    }

    /** A builder starting from this request, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder(language, code).inputJson(inputJson).env(env).limits(limits).files(files).http(http);
        b.isolation = isolation;
        return b.reusable(reusable).instanceScope(instanceScope);
    }

    public Language language() {
        return language;
    }

    public String code() {
        return code;
    }

    /**
     * The input as JSON text; null when the request had none (the function then receives
     * {@code None}/{@code null}/{@code nil}).
     */
    public String inputJson() {
        return inputJson;
    }

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

    /**
     * Whether this call may reuse a warm instance of the same code ({@link Builder#reusable}).
     *
     * @since 0.1
     */
    public boolean reusable() {
        return reusable;
    }

    /**
     * Who is calling, for {@link #reusable() reusable} calls: warm instances are never shared between
     * scopes; null when not set (one scope for every caller).
     *
     * @since 0.1
     */
    public String instanceScope() {
        return instanceScope;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionRequest r && language == r.language && code.equals(r.code)
                && Objects.equals(inputJson, r.inputJson) && env.equals(r.env) && limits.equals(r.limits)
                && files.equals(r.files) && http.equals(r.http) && Objects.equals(isolation, r.isolation)
                && reusable == r.reusable
                && Objects.equals(instanceScope, r.instanceScope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(language, code, inputJson, env, limits, files, http, isolation, reusable, instanceScope);
    }

    @Override
    public String toString() {
        return "FunctionRequest{" + language.wireName() + ", " + code.length() + " chars of code, env " + env.keySet()
                + ", " + files.size() + " files, " + http + (reusable ? ", reusable" : "") + "}";
    }

    /** Builder for {@link FunctionRequest}. */
    public static final class Builder {
        private final Language language;
        private final String code;
        private String inputJson;
        private final Map<String, String> env = new LinkedHashMap<>();
        private Limits limits = Limits.INHERIT;
        private final List<InputFile> files = new ArrayList<>();
        private HttpPolicy http = HttpPolicy.DENY_ALL;
        private Isolation isolation;
        private boolean reusable;
        private String instanceScope;

        private Builder(Language language, String code) {
            this.language = Objects.requireNonNull(language, "language");
            this.code = Objects.requireNonNull(code, "code");
        }

        /** The input as JSON text, or null for none. */
        public Builder inputJson(String json) {
            this.inputJson = json;
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
            files.forEach(f -> this.files.add(Objects.requireNonNull(f, "file")));
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

        /** Asks for an isolation mode (see {@link FunctionRequest#isolation()}); default: the engine's for the language. */
        public Builder isolation(Isolation isolation) {
            this.isolation = Objects.requireNonNull(isolation, "isolation");
            return this;
        }

        /**
         * Lets this call reuse a <b>warm instance</b> (default false): a context that already
         * evaluated the same code for an earlier reusable call with the same environment, HTTP
         * policy and {@link #instanceScope scope}, whose module-level state survives; see
         * {@link ToolSpec.Builder#warmInstances} for what is kept, what is not, and the price in
         * isolation between such calls.
         *
         * @since 0.1
         */
        public Builder reusable(boolean reusable) {
            this.reusable = reusable;
            return this;
        }

        /**
         * Who is calling (a tenant, an API key's id; null: not set): warm instances are never
         * shared between scopes. Only routes the call: it is not part of the recorded request.
         *
         * @since 0.1
         */
        public Builder instanceScope(String scope) {
            this.instanceScope = scope;
            return this;
        }

        public FunctionRequest build() {
            return new FunctionRequest(this);
        }
    }
}
