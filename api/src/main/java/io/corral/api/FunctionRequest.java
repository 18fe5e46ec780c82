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
 * @param inputJson the input as JSON text; {@code null} when the request had none (the function
 *                  then receives {@code None}/{@code null}/{@code nil})
 */
public record FunctionRequest(Language language, String code, String inputJson, Map<String, String> env,
                              Limits limits, List<InputFile> files, HttpPolicy http) {

    public FunctionRequest(Language language, String code, String inputJson, Map<String, String> env,
                           Limits limits) {
        this(language, code, inputJson, env, limits, List.of(), HttpPolicy.DENY_ALL);
    }

    public FunctionRequest {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(code, "code");
        env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
        limits = limits == null ? Limits.INHERIT : limits;
        files = files == null ? List.of() : List.copyOf(files);
        http = http == null ? HttpPolicy.DENY_ALL : http;
    }

    public static Builder newBuilder(Language language, String code) {
        return new Builder(language, code);
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
            this.env.putAll(env);
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
            this.files.add(new InputFile(path, contents));
            return this;
        }

        /** Outbound HTTP allowed to this call (default: none). */
        public Builder http(HttpPolicy http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        public FunctionRequest build() {
            return new FunctionRequest(language, code, inputJson, env, limits, files, http);
        }
    }
}
