package io.corral.engine.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.corral.api.RequestRejectedException;

/**
 * Parses JSON that came from outside (a tool's input or schema, a guest's return value) with a
 * cap on nesting depth, so a 100 000-deep document fails cleanly instead of exhausting the host's
 * stack in a later recursive walk.
 *
 * <pre>{@code
 * JsonNode input = BoundedJson.parse("input", "{\"n\": 1}");
 * }</pre>
 */
public final class BoundedJson {

    /** Deepest nesting accepted in tool inputs, schemas and function return values. */
    public static final int MAX_DEPTH = 128;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    private BoundedJson() {
    }

    /**
     * Parses {@code json}.
     *
     * @throws RequestRejectedException naming {@code field} when the text is not JSON or nests deeper
     *                                  than {@link #MAX_DEPTH}
     */
    public static JsonNode parse(String field, String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw RequestRejectedException.invalid(field, "is empty", "a JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            if (why != null && why.contains("nesting depth")) {
                throw RequestRejectedException.invalid(field, "nests deeper than " + MAX_DEPTH + " levels",
                        "JSON nested at most " + MAX_DEPTH + " levels deep");
            }
            throw RequestRejectedException.invalid(field, "is not valid JSON (" + why + ")", "a JSON value");
        }
    }

    /** True when {@code json} parses within {@link #MAX_DEPTH}; for checking a guest's return value. */
    public static boolean isAcceptable(String json) {
        try {
            MAPPER.readTree(json);
            return true;
        } catch (JsonProcessingException | RuntimeException e) {
            return false;
        }
    }
}
