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
 * @param inputSchemaJson JSON Schema (draft 2020-12 unless its {@code $schema} says draft-07) as
 *                        JSON text, or null for "any input"
 */
public record ToolSpec(String name, String description, String code, Language language, String inputSchemaJson) {

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(language, "language");
        description = description == null ? "" : description;
    }

    public static Builder newBuilder(String name, Language language, String code) {
        return new Builder(name, language, code);
    }

    /** Builder for {@link ToolSpec}. */
    public static final class Builder {
        private final String name;
        private final Language language;
        private final String code;
        private String description = "";
        private String inputSchemaJson;

        private Builder(String name, Language language, String code) {
            this.name = Objects.requireNonNull(name, "name");
            this.language = Objects.requireNonNull(language, "language");
            this.code = Objects.requireNonNull(code, "code");
        }

        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** The input's JSON Schema as JSON text; null means any input. */
        public Builder inputSchemaJson(String schemaJson) {
            this.inputSchemaJson = schemaJson;
            return this;
        }

        public ToolSpec build() {
            return new ToolSpec(name, description, code, language, inputSchemaJson);
        }
    }
}
