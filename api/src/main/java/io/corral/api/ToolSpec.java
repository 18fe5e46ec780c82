package io.corral.api;

import java.util.Objects;

/**
 * What to create a tool from: Riza's {@code POST /v1/tools} body.
 *
 * <pre>{@code
 * ToolSpec spec = ToolSpec.newBuilder("greet", Language.JAVASCRIPT,
 *         "function execute(input) { return 'hi ' + input.name; }")
 *     .description("Greets someone")
 *     .inputSchemaJson("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}")
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class ToolSpec {

    private final String name;
    private final String description;
    private final String code;
    private final Language language;
    private final String inputSchemaJson;
    private final boolean warmInstances;

    private ToolSpec(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.code = b.code;
        this.language = b.language;
        this.inputSchemaJson = b.inputSchemaJson;
        this.warmInstances = b.warmInstances;
    }

    public static Builder newBuilder(String name, Language language, String code) {
        return new Builder(name, language, code);
    }

    public String name() {
        return name;
    }

    /** {@code ""} when not set. */
    public String description() {
        return description;
    }

    public String code() {
        return code;
    }

    public Language language() {
        return language;
    }

    /**
     * JSON Schema (draft 2020-12 unless its {@code $schema} names another draft) as JSON text, or
     * null for "any input".
     */
    public String inputSchemaJson() {
        return inputSchemaJson;
    }

    /**
     * Whether the tool's calls may reuse a warm instance (default false); see
     * {@link Builder#warmInstances(boolean)}.
     *
     * @since 0.1
     */
    public boolean warmInstances() {
        return warmInstances;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolSpec t && name.equals(t.name) && description.equals(t.description)
                && code.equals(t.code) && language == t.language && Objects.equals(inputSchemaJson, t.inputSchemaJson)
                && warmInstances == t.warmInstances;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, code, language, inputSchemaJson, warmInstances);
    }

    @Override
    public String toString() {
        return "ToolSpec{" + name + ", " + language.wireName() + ", " + code.length() + " chars of code"
                + (warmInstances ? ", warm instances" : "") + "}";
    }

    /** Builder for {@link ToolSpec}. */
    public static final class Builder {
        private final String name;
        private final Language language;
        private final String code;
        private String description = "";
        private String inputSchemaJson;
        private boolean warmInstances;

        private Builder(String name, Language language, String code) {
            this.name = Objects.requireNonNull(name, "name");
            this.language = Objects.requireNonNull(language, "language");
            this.code = Objects.requireNonNull(code, "code");
        }

        public Builder description(String description) {
            this.description = description == null ? "" : description;
            return this;
        }

        /** The input's JSON Schema as JSON text; null means any input. */
        public Builder inputSchemaJson(String schemaJson) {
            this.inputSchemaJson = schemaJson;
            return this;
        }

        /**
         * Opts the tool in to <b>warm instances</b> (default false): a context that has evaluated
         * the tool's code once serves further calls of the same revision, calling {@code execute(input)}
         * again, so a call skips loading the code (milliseconds to seconds) and module-level state
         * (caches, counters, clients) survives from one call to the next. It survives only between
         * calls of the same revision, the same environment (secret values included) and HTTP policy,
         * and the same {@code instanceScope} (the server's API key); time limits, output caps and the
         * output contract are those of every call. The price is weaker isolation between those
         * calls: one call can see what an earlier one left behind. An instance is dropped after a
         * call that did not return normally (a time-out, an error, an exit, a cancellation), after
         * the engine's maximum uses or idle time; PHP runs every call fresh. See
         * {@code docs/tools-secrets-history.md}.
         *
         * @since 0.1
         */
        public Builder warmInstances(boolean warmInstances) {
            this.warmInstances = warmInstances;
            return this;
        }

        public ToolSpec build() {
            return new ToolSpec(this);
        }
    }
}
