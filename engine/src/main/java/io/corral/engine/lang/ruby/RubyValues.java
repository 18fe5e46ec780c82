package io.corral.engine.lang.ruby;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.wire.RizaJson;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * A function's input and result crossing between JSON and Ruby through interop, on the host.
 *
 * <p>Input becomes Hash (String keys), Array, String, Integer (exact, however big), Float,
 * true/false and nil, built by the guest constructors the prelude hands over. A result is read
 * back as JSON under Ruby's {@code JSON.generate} rules for those types (Symbols as strings,
 * nesting deeper than {@value #MAX_NESTING} refused, NaN and Infinity refused); any other object
 * is not serializable here (CRuby's {@code json} would fall back to {@code to_s}).
 */
final class RubyValues {

    /** {@code JSON.generate}'s default {@code max_nesting}; also what ends a cyclic result. */
    static final int MAX_NESTING = 100;

    // positions of the guest constructors in the array prelude.rb evaluates to
    private static final int NEW_HASH = 3;
    private static final int HASH_PUT = 4;
    private static final int NEW_ARRAY = 5;
    private static final int ARRAY_SET = 6;
    private static final int STRING = 7;
    private static final int BIG_INTEGER = 8;
    private static final int NIL = 9;
    private static final int HASH_PAIRS = 10;

    private static final JsonFactory FACTORY = new JsonFactory();

    private RubyValues() {
    }

    static JsonNode parse(String json) {
        try {
            return RizaJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("function input is not JSON", e);
        }
    }

    /** Whether {@code text} is one complete JSON value (a guest's own JSON.generate wrote it). */
    static boolean isJson(String text) {
        try (com.fasterxml.jackson.core.JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The Ruby value of a JSON tree, or a host primitive Ruby takes as is. */
    static Value toRuby(JsonNode node, Value entry) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Value hash = entry.getArrayElement(NEW_HASH).execute();
                Value put = entry.getArrayElement(HASH_PUT);
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    put.execute(hash, string(field.getKey(), entry), toRuby(field.getValue(), entry));
                }
                return hash;
            }
            case ARRAY -> {
                Value array = entry.getArrayElement(NEW_ARRAY).execute(node.size());
                Value set = entry.getArrayElement(ARRAY_SET);
                for (int i = 0; i < node.size(); i++) {
                    set.execute(array, i, toRuby(node.get(i), entry));
                }
                return array;
            }
            case STRING -> {
                return string(node.textValue(), entry);
            }
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    return node.canConvertToLong() ? entry.getContext().asValue(node.longValue())
                            : entry.getArrayElement(BIG_INTEGER).execute(node.bigIntegerValue().toString());
                }
                return entry.getContext().asValue(node.doubleValue());
            }
            case BOOLEAN -> {
                return entry.getContext().asValue(node.booleanValue());
            }
            default -> {
                // a host null would reach Ruby as a foreign null, not nil
                return entry.getArrayElement(NIL);
            }
        }
    }

    private static Value string(String text, Value entry) {
        return entry.getArrayElement(STRING).execute(text);
    }

    /** The JSON text of a Ruby value, or null when it is not serializable. */
    static String toJson(Value value, Value entry) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (!write(value, g, 0, entry.getArrayElement(HASH_PAIRS))) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PolyglotException e) {
            if (e.isCancelled() || e.isExit() || e.isResourceExhausted()) {
                throw e;
            }
            // a value that fails while it is read (an invalid string, a failing interop message)
            return null;
        }
        return out.toString();
    }

    private static boolean write(Value v, JsonGenerator g, int depth, Value hashPairs) throws IOException {
        if (v.isNull()) {
            g.writeNull();
        } else if (v.isBoolean()) {
            g.writeBoolean(v.asBoolean());
        } else if (v.isString()) {
            g.writeString(v.asString());
        } else if (v.isNumber()) {
            return writeNumber(v, g);
        } else if (v.hasArrayElements()) {
            if (depth >= MAX_NESTING) {
                return false;
            }
            g.writeStartArray();
            long size = v.getArraySize();
            for (long i = 0; i < size; i++) {
                if (!write(v.getArrayElement(i), g, depth + 1, hashPairs)) {
                    return false;
                }
            }
            g.writeEndArray();
        } else if (v.hasHashEntries()) {
            if (depth >= MAX_NESTING) {
                return false;
            }
            g.writeStartObject();
            // interop's hash iterator is a Fiber-backed Enumerator in TruffleRuby, and fibers are off
            Value pairs = hashPairs.execute(v);
            long size = pairs.getArraySize();
            for (long i = 0; i < size; i++) {
                Value pair = pairs.getArrayElement(i);
                String key = key(pair.getArrayElement(0));
                if (key == null) {
                    return false;
                }
                g.writeFieldName(key);
                if (!write(pair.getArrayElement(1), g, depth + 1, hashPairs)) {
                    return false;
                }
            }
            g.writeEndObject();
        } else {
            return false;
        }
        return true;
    }

    private static boolean writeNumber(Value v, JsonGenerator g) throws IOException {
        // interop calls 2.0 a long too; Ruby's JSON keeps it a Float
        boolean isFloat = isFloat(v);
        if (!isFloat && v.fitsInLong()) {
            g.writeNumber(v.asLong());
        } else if (!isFloat && v.fitsInBigInteger()) {
            g.writeNumber(v.asBigInteger());
        } else if (v.fitsInDouble()) {
            double d = v.asDouble();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return false;
            }
            g.writeNumber(d);
        } else {
            return false;
        }
        return true;
    }

    /** JSON.generate turns String, Symbol and number keys into strings. */
    private static String key(Value k) {
        if (k.isString()) {
            return k.asString();
        }
        if (k.isNumber() && k.fitsInLong() && !isFloat(k)) {
            return Long.toString(k.asLong());
        }
        if (k.isNumber() && k.fitsInBigInteger() && !isFloat(k)) {
            return k.asBigInteger().toString();
        }
        return null;
    }

    /** Ruby Floats cross as Java doubles (no meta object); Integers as ints, longs or Integer objects. */
    private static boolean isFloat(Value v) {
        if (!v.fitsInDouble()) {
            return false;
        }
        Value meta = v.getMetaObject();
        return meta == null ? v.as(Object.class) instanceof Double : "Float".equals(meta.getMetaSimpleName());
    }
}
