package io.corral.api;

import java.util.Objects;

/**
 * A stored function with a JSON-Schema-checked input: Riza's {@code Tool}, at one revision.
 *
 * <pre>{@code
 * Tool tool = engine.createTool(ToolSpec.newBuilder("add_one", Language.PYTHON,
 *         "def execute(input): return {'n': input['n'] + 1}")
 *     .inputSchemaJson("{\"type\": \"object\", \"required\": [\"n\"]}")
 *     .build());
 * tool.revisionId();   // changes with every update; old revisions stay runnable
 * }</pre>
 *
 * @since 0.1
 */
public final class Tool {

    /** The schema a tool gets when none is given: it accepts any input. */
    public static final String ANY_INPUT = "{}";

    private final String id;
    private final String name;
    private final String description;
    private final String code;
    private final Language language;
    private final String inputSchemaJson;
    private final String revisionId;
    private final boolean warmInstances;

    private Tool(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.name = Objects.requireNonNull(b.name, "name");
        this.code = Objects.requireNonNull(b.code, "code");
        this.language = Objects.requireNonNull(b.language, "language");
        this.revisionId = Objects.requireNonNull(b.revisionId, "revisionId");
        this.description = b.description == null ? "" : b.description;
        this.inputSchemaJson = b.inputSchemaJson == null ? ANY_INPUT : b.inputSchemaJson;
        this.warmInstances = b.warmInstances;
    }

    /** A builder for a revision of tool {@code id} (engines and tool stores build these). */
    public static Builder newBuilder(String id, String revisionId) {
        return new Builder(id, revisionId);
    }

    /** A builder starting from this revision, to derive the next one. */
    public Builder toBuilder(String newRevisionId) {
        return new Builder(id, newRevisionId).name(name).description(description).code(code).language(language)
                .inputSchemaJson(inputSchemaJson).warmInstances(warmInstances);
    }

    /** The tool's id (a ULID); never changes. */
    public String id() {
        return id;
    }

    /** The tool's name. */
    public String name() {
        return name;
    }

    /** {@code ""} when not set. */
    public String description() {
        return description;
    }

    /** Defines {@code execute(input)}. */
    public String code() {
        return code;
    }

    public Language language() {
        return language;
    }

    /** The input's JSON Schema as JSON text; {@code {}} (anything) when not set. */
    public String inputSchemaJson() {
        return inputSchemaJson;
    }

    /** The id of this revision (a ULID). */
    public String revisionId() {
        return revisionId;
    }

    /**
     * Whether this revision's calls may reuse warm instances ({@link ToolSpec.Builder#warmInstances});
     * false unless the tool opted in.
     *
     * @since 0.1
     */
    public boolean warmInstances() {
        return warmInstances;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tool t && id.equals(t.id) && name.equals(t.name) && description.equals(t.description)
                && code.equals(t.code) && language == t.language && inputSchemaJson.equals(t.inputSchemaJson)
                && revisionId.equals(t.revisionId) && warmInstances == t.warmInstances;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, description, code, language, inputSchemaJson, revisionId, warmInstances);
    }

    @Override
    public String toString() {
        return "Tool{" + id + ", " + name + ", " + language.wireName() + ", revision " + revisionId + "}";
    }

    /** Builder for {@link Tool}. */
    public static final class Builder {
        private final String id;
        private final String revisionId;
        private String name;
        private String description;
        private String code;
        private Language language;
        private String inputSchemaJson;
        private boolean warmInstances;

        private Builder(String id, String revisionId) {
            this.id = Objects.requireNonNull(id, "id");
            this.revisionId = Objects.requireNonNull(revisionId, "revisionId");
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder code(String code) {
            this.code = code;
            return this;
        }

        public Builder language(Language language) {
            this.language = language;
            return this;
        }

        public Builder inputSchemaJson(String schemaJson) {
            this.inputSchemaJson = schemaJson;
            return this;
        }

        /** @since 0.1 */
        public Builder warmInstances(boolean warmInstances) {
            this.warmInstances = warmInstances;
            return this;
        }

        /** @throws NullPointerException when name, code or language is missing */
        public Tool build() {
            return new Tool(this);
        }
    }
}
