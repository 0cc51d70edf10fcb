package edu.lanyard.directory.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts jsonb values read by the pg client into plain, unmodifiable Java maps and lists for the domain records. */
final class JsonValues {
    private JsonValues() {
    }

    static List<String> strings(JsonArray array) {
        if (array == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(array.getString(i));
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(JsonObject object) {
        return object == null ? Map.of() : (Map<String, Object>) plain(object);
    }

    /** Nested JSON as Map/List/scalars. Null object members are dropped: the domain records copy maps with Map.copyOf. */
    private static Object plain(Object value) {
        if (value instanceof JsonObject object) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : object) {
                if (entry.getValue() != null) {
                    out.put(entry.getKey(), plain(entry.getValue()));
                }
            }
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof JsonArray array) {
            List<Object> out = new ArrayList<>(array.size());
            for (Object element : array) {
                out.add(plain(element));
            }
            return Collections.unmodifiableList(out);
        }
        return value;
    }
}
