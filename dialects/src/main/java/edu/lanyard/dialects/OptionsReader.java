package edu.lanyard.dialects;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one layer of a product's options (a mount's {@code dialects.<mount>.options} or a client's {@code options})
 * as typed values. It collects every problem instead of stopping at the first: an option it does not know (with the
 * closest known name, since a misspelt switch would otherwise silently keep its default), an option without a value,
 * and a value of the wrong type. A getter answers its fallback for an absent or unusable value.
 *
 * <p>Values arrive as YAML scalars, lists and maps, or as strings from {@code LANYARD_*} environment variables, so a
 * boolean may be written {@code true} or {@code "true"}.
 */
public final class OptionsReader {
    private final String where;
    private final Map<String, Object> values;
    private final List<String> known;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param where a label naming the layer in problems, e.g. {@code dialects.cas.options} or {@code clients[3].options}
     * @param known the options this layer may set
     */
    public OptionsReader(String where, Map<String, ?> values, List<String> known) {
        this.where = where;
        this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
        this.known = known.stream().sorted().toList();
        this.values.forEach((name, value) -> {
            if (!known.contains(name)) {
                problems.add(where + ": unknown option \"" + name + "\"" + OptionNames.suggestion(name, known)
                        + "; known: " + String.join(", ", this.known));
            } else if (value == null) {
                problems.add(where + ": option \"" + name + "\" has no value");
            }
        });
    }

    /** Every problem found so far, each starting with the layer's label. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public boolean bool(String name, boolean fallback) {
        return value(name).map(value -> {
            if (value instanceof Boolean b) {
                return b;
            }
            String text = String.valueOf(value).trim();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            return wrong(name, "true or false", value, fallback);
        }).orElse(fallback);
    }

    /** A scalar as text; a blank one counts as absent. */
    public String string(String name, String fallback) {
        return value(name).map(value -> {
            if (value instanceof List<?> || value instanceof Map<?, ?>) {
                return wrong(name, "a single value", value, fallback);
            }
            String text = String.valueOf(value).trim();
            return text.isEmpty() ? fallback : text;
        }).orElse(fallback);
    }

    /** One of an enumeration's constants, named case-insensitively. */
    public <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        return value(name).map(value -> {
            String text = String.valueOf(value).trim();
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            return wrong(name, "one of " + String.join(", ", names), value, fallback);
        }).orElse(fallback);
    }

    /** A list of names; a comma-separated string counts as a list. */
    public Optional<List<String>> list(String name, Optional<List<String>> fallback) {
        return value(name).map(value -> {
            List<String> items = new ArrayList<>();
            if (value instanceof List<?> list) {
                list.forEach(item -> items.add(String.valueOf(item).trim()));
            } else if (value instanceof Map<?, ?>) {
                return wrong(name, "a list", value, fallback);
            } else {
                for (String item : String.valueOf(value).split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.trim());
                    }
                }
            }
            return Optional.of(List.copyOf(items));
        }).orElse(fallback);
    }

    /** A map of names to names, such as an attribute mapping (wire field name to user attribute name). */
    public Map<String, String> map(String name, Map<String, String> fallback) {
        return value(name).map(value -> {
            if (!(value instanceof Map<?, ?> map)) {
                return wrong(name, "a map such as {field: attribute}", value, fallback);
            }
            Map<String, String> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
            return java.util.Collections.unmodifiableMap(out);
        }).orElse(fallback);
    }

    /** A whole number of seconds, 0 or more. */
    public long seconds(String name, long fallback) {
        return value(name).map(value -> {
            String text = String.valueOf(value).trim();
            if (text.matches("[0-9]{1,9}")) {
                return Long.parseLong(text);
            }
            return wrong(name, "a whole number of seconds, 0 or more", value, fallback);
        }).orElse(fallback);
    }

    /** A time zone id such as {@code Asia/Shanghai}. */
    public ZoneId zone(String name, ZoneId fallback) {
        return value(name).map(value -> {
            try {
                return ZoneId.of(String.valueOf(value).trim());
            } catch (DateTimeException e) {
                return wrong(name, "a time zone id such as Asia/Shanghai", value, fallback);
            }
        }).orElse(fallback);
    }

    private Optional<Object> value(String name) {
        return known.contains(name) ? Optional.ofNullable(values.get(name)) : Optional.empty();
    }

    /** Records that {@code name} has an unusable value and answers the fallback (for checks a product adds). */
    public <T> T wrong(String name, String expected, Object value, T fallback) {
        problems.add(where + ": option \"" + name + "\" must be " + expected + ", not " + describe(value));
        return fallback;
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof List<?> list) {
            return "a list " + list;
        }
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
