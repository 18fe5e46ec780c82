package io.corral.api;

import java.util.Objects;

/**
 * A change to a tool: Riza's {@code POST /v1/tools/{id}} body. A field left null stays as it is;
 * every update makes a new revision, even one that changes nothing.
 *
 * <pre>{@code
 * Tool v2 = engine.updateTool(tool.id(), ToolUpdate.newBuilder()
 *         .code("def execute(input): return input['n'] * 2")
 *         .build());
 * }</pre>
 *
 * @since 0.1
 */
public final class ToolUpdate {

    /** Changes nothing (but still makes a new revision). */
    public static final ToolUpdate NONE = newBuilder().build();

    private final String name;
    private final String description;
    private final String code;
    private final Language language;
    private final String inputSchemaJson;
    private final Boolean warmInstances;

    private ToolUpdate(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.code = b.code;
        this.language = b.language;
        this.inputSchemaJson = b.inputSchemaJson;
        this.warmInstances = b.warmInstances;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** The new name, or null to keep it. */
    public String name() {
        return name;
    }

    /** The new description, or null to keep it. */
    public String description() {
        return description;
    }

    /** The new code, or null to keep it. */
    public String code() {
        return code;
    }

    /** The new language, or null to keep it. */
    public Language language() {
        return language;
    }

    /** The new input schema as JSON text, or null to keep it. */
    public String inputSchemaJson() {
        return inputSchemaJson;
    }

    /**
     * Whether the new revision's calls may reuse warm instances ({@link ToolSpec.Builder#warmInstances}),
     * or null to keep the current setting.
     *
     * @since 0.1
     */
    public Boolean warmInstances() {
        return warmInstances;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolUpdate u && Objects.equals(name, u.name) && Objects.equals(description, u.description)
                && Objects.equals(code, u.code) && language == u.language
                && Objects.equals(inputSchemaJson, u.inputSchemaJson) && Objects.equals(warmInstances, u.warmInstances);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, code, language, inputSchemaJson, warmInstances);
    }

    @Override
    public String toString() {
        return "ToolUpdate{" + (name != null ? "name " : "") + (description != null ? "description " : "")
                + (code != null ? "code " : "") + (language != null ? "language " : "")
                + (inputSchemaJson != null ? "input_schema " : "")
                + (warmInstances != null ? "warm_instances" : "") + "}";
    }

    /** Builder for {@link ToolUpdate}; every field starts unset (unchanged). */
    public static final class Builder {
        private String name;
        private String description;
        private String code;
        private Language language;
        private String inputSchemaJson;
        private Boolean warmInstances;

        private Builder() {
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

        /**
         * Turns warm instances on or off for the new revision ({@link ToolSpec.Builder#warmInstances});
         * null keeps the current setting.
         *
         * @since 0.1
         */
        public Builder warmInstances(Boolean warmInstances) {
            this.warmInstances = warmInstances;
            return this;
        }

        public ToolUpdate build() {
            return new ToolUpdate(this);
        }
    }
}
