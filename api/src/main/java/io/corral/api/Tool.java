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
 * @param id              the tool's id (a ULID); never changes
 * @param name            unique among the engine's tools
 * @param description     {@code ""} when not set
 * @param code            defines {@code execute(input)}
 * @param inputSchemaJson the input's JSON Schema as JSON text; {@code {}} (anything) when not set
 * @param revisionId      the id of this revision (a ULID)
 */
public record Tool(String id, String name, String description, String code, Language language,
                   String inputSchemaJson, String revisionId) {

    /** The schema a tool gets when none is given: it accepts any input. */
    public static final String ANY_INPUT = "{}";

    public Tool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(revisionId, "revisionId");
        description = description == null ? "" : description;
        inputSchemaJson = inputSchemaJson == null ? ANY_INPUT : inputSchemaJson;
    }
}
