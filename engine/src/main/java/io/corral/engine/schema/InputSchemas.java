package io.corral.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.resource.SchemaLoader;
import io.corral.api.RequestRejectedException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compiles tool input schemas in every JSON Schema draft the validator supports, chosen by
 * {@code $schema}: 2020-12 (the default when {@code $schema} is absent), 2019-09, 7, 6 and 4.
 *
 * <pre>{@code
 * InputSchema s = InputSchemas.compile("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}");
 * s.check("{\"n\": \"one\"}");   // rejected: /n: string found, integer expected
 * }</pre>
 *
 * <p>What is refused at compile time, so nothing fails later: a document that is not a valid
 * schema of its draft (checked against the draft's meta-schema), an unknown {@code $schema}, and any
 * {@code $ref}/{@code $dynamicRef}/{@code $recursiveRef} that is not local (not starting with
 * {@code #}). The loader can read only the official meta-schemas bundled in the validator's jar: it
 * has no network, file or class-path loader for anything else, so validation never fetches.
 * Patterns run on a step-bounded {@code java.util.regex} ({@link BoundedRegex}).
 */
public final class InputSchemas {

    /** Every draft the validator supports, by the {@code $schema} URI that names it (with or without a trailing '#'). */
    private static final List<SpecificationVersion> DRAFTS = List.of(SpecificationVersion.DRAFT_2020_12,
            SpecificationVersion.DRAFT_2019_09, SpecificationVersion.DRAFT_7, SpecificationVersion.DRAFT_6,
            SpecificationVersion.DRAFT_4);
    private static final String ALLOWED_DIALECTS = "no $schema (draft 2020-12) or one of "
            + DRAFTS.stream().map(v -> "\"" + v.getDialectId() + "\"").collect(Collectors.joining(", "));
    private static final List<String> REF_KEYWORDS = List.of("$ref", "$dynamicRef", "$recursiveRef");

    private InputSchemas() {
    }

    /**
     * Compiles {@code schemaJson}.
     *
     * @throws RequestRejectedException {@code INVALID_ARGUMENT} on field {@code input_schema} saying
     *                                  what is wrong with the schema
     */
    public static InputSchema compile(String schemaJson) {
        JsonNode node = BoundedJson.parse("input_schema", schemaJson);
        if (!node.isObject() && !node.isBoolean()) {
            throw RequestRejectedException.invalid("input_schema", "must be a JSON object or boolean",
                    "a JSON Schema, e.g. {\"type\": \"object\"}");
        }
        SpecificationVersion version = dialect(node);
        List<String> remote = new ArrayList<>();
        findNonLocalRefs(node, "", remote);
        if (!remote.isEmpty()) {
            throw RequestRejectedException.invalid("input_schema", "has references outside the schema: "
                    + String.join(", ", remote), "local references only, e.g. {\"$ref\": \"#/$defs/item\"}");
        }
        SchemaRegistry registry = registry(version);
        List<Error> metaErrors;
        try {
            Schema meta = registry.getSchema(SchemaLocation.of(version.getDialectId()));
            metaErrors = meta.validate(node);
        } catch (RuntimeException e) {
            throw invalidSchema(e);
        }
        if (!metaErrors.isEmpty()) {
            throw RequestRejectedException.invalid("input_schema", "is not a valid JSON Schema: "
                    + metaErrors.stream().limit(InputSchema.MAX_LISTED)
                    .map(e -> (e.getInstanceLocation() == null || e.getInstanceLocation().toString().isEmpty()
                            ? "/" : e.getInstanceLocation()) + ": " + e.getMessage())
                    .collect(Collectors.joining("; ")), "a JSON Schema of " + ALLOWED_DIALECTS);
        }
        try {
            Schema schema = registry.getSchema(node);
            schema.initializeValidators();
            return new InputSchema(schema);
        } catch (RuntimeException e) {
            throw invalidSchema(e);
        }
    }

    private static RequestRejectedException invalidSchema(RuntimeException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return RequestRejectedException.invalid("input_schema", "is not a valid JSON Schema (" + why + ")",
                "a JSON Schema of " + ALLOWED_DIALECTS);
    }

    private static SpecificationVersion dialect(JsonNode node) {
        JsonNode declared = node.isObject() ? node.get("$schema") : null;
        if (declared == null) {
            return SpecificationVersion.DRAFT_2020_12;
        }
        String id = declared.isTextual() ? stripHash(declared.textValue()) : null;
        for (SpecificationVersion v : DRAFTS) {
            String known = stripHash(v.getDialectId());
            // the drafts' URIs are written with http and https alike in the wild
            if (known.equals(id) || known.replaceFirst("^https?:", "").equals(id == null ? null
                    : id.replaceFirst("^https?:", ""))) {
                return v;
            }
        }
        throw RequestRejectedException.invalid("input_schema.$schema", "'" + declared + "' is not supported",
                ALLOWED_DIALECTS);
    }

    private static String stripHash(String s) {
        return s.endsWith("#") ? s.substring(0, s.length() - 1) : s;
    }

    /** Collects every reference that does not point into this document. */
    private static void findNonLocalRefs(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String here = path + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                if (REF_KEYWORDS.contains(e.getKey()) && e.getValue().isTextual()
                        && !e.getValue().textValue().startsWith("#")) {
                    out.add("'" + e.getValue().textValue() + "' at " + here);
                }
                findNonLocalRefs(e.getValue(), here, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findNonLocalRefs(node.get(i), path + "/" + i, out);
            }
        }
    }

    private static SchemaRegistry registry(SpecificationVersion version) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .regularExpressionFactory(new BoundedRegex(BoundedRegex.DEFAULT_BUDGET))
                .build();
        // only the meta-schemas (mapped to the validator's bundled copies); no remote or file loader
        SchemaLoader loader = SchemaLoader.builder()
                .fetchRemoteResources(false)
                .allow(iri -> {
                    String s = iri.toString();
                    return s.startsWith("https://json-schema.org/draft/") || s.startsWith("http://json-schema.org/draft-");
                })
                .build();
        // a fresh registry per schema: two tools that reuse one $id must not see each other's documents
        return SchemaRegistry.withDefaultDialect(version, b -> b
                .schemaRegistryConfig(config)
                .schemaLoader(loader));
    }
}
