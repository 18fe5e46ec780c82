package io.corral.api;

/**
 * A change to a tool: Riza's {@code POST /v1/tools/{id}} body. A field left null stays as it is;
 * every update makes a new revision, even one that changes nothing.
 *
 * <pre>{@code
 * Tool v2 = engine.updateTool(tool.id(), ToolUpdate.newBuilder()
 *         .code("def execute(input): return input['n'] * 2")
 *         .build());
 * }</pre>
 */
public record ToolUpdate(String name, String description, String code, Language language, String inputSchemaJson) {

    /** Changes nothing (but still makes a new revision). */
    public static final ToolUpdate NONE = new ToolUpdate(null, null, null, null, null);

    public static Builder newBuilder() {
        return new Builder();
    }

    /** Builder for {@link ToolUpdate}; every field starts unset (unchanged). */
    public static final class Builder {
        private String name;
        private String description;
        private String code;
        private Language language;
        private String inputSchemaJson;

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

        public ToolUpdate build() {
            return new ToolUpdate(name, description, code, language, inputSchemaJson);
        }
    }
}
