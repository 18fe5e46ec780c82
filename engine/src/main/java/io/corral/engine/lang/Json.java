package io.corral.engine.lang;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.corral.api.InputFile;
import io.corral.api.wire.RizaJson;

import java.util.List;
import java.util.Map;

/** JSON text of host values handed to a prelude that parses it in the guest. */
public final class Json {

    private Json() {
    }

    public static String stringList(List<String> list) {
        return write(list);
    }

    public static String stringMap(Map<String, String> map) {
        return write(map);
    }

    /** Input files as {@code [[path, contents], ...]}. */
    public static String files(List<InputFile> files) {
        return write(files.stream().map(f -> List.of(f.path(), f.contents())).toList());
    }

    private static String write(Object o) {
        try {
            return RizaJson.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
