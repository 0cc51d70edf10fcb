package edu.lanyard.directory.importing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The structural problems of an import file, one line each, in the operator's terms: where in the file
 * ({@code users[2].emial}), what is wrong, and for a misspelt key the key it was probably meant to be. The keys known
 * at each place are read from {@link ImportFile}'s records, so a key added there is known here at once. (A client's
 * {@code options} are checked by its dialect, in {@link ImportValidator}.)
 */
final class ImportKeys {
    static final List<String> TOP_LEVEL = keysOf(ImportFile.class);
    static final List<String> CLIENT = keysOf(ImportFile.ClientEntry.class);
    static final List<String> USER = keysOf(ImportFile.UserEntry.class);
    static final List<String> SERVICE = keysOf(ImportFile.ServiceEntry.class);
    static final List<String> PROXY = keysOf(ImportFile.ProxyPolicy.class);

    private ImportKeys() {
    }

    /** Every unknown key in the file, top level, in each client and in each user. */
    static List<String> unknownKeys(JsonNode tree) {
        List<String> problems = new ArrayList<>();
        if (!tree.isObject()) {
            problems.add("top level: the file must be a map with clients:, users: and/or services:, not " + describe(tree));
            return problems;
        }
        check(tree, "", TOP_LEVEL, problems);
        entries(tree.get("clients"), "clients", CLIENT, problems);
        entries(tree.get("users"), "users", USER, problems);
        entries(tree.get("services"), "services", SERVICE, problems);
        JsonNode services = tree.get("services");
        if (services != null && services.isArray()) {
            for (int i = 0; i < services.size(); i++) {
                JsonNode proxy = services.get(i).get("proxy");
                if (proxy != null && proxy.isObject()) {
                    check(proxy, "services[" + i + "].proxy", PROXY, problems);
                }
            }
        }
        return problems;
    }

    /** {@code users[2].emial: unknown key, did you mean "email"?}, or the keys known there when none is close. */
    static String unknownKey(String path, String key, Collection<String> known) {
        String where = path.isEmpty() ? key : path + "." + key;
        return where + ": unknown key" + DidYouMean.closest(key, known)
                .map(close -> ", did you mean \"" + close + "\"?")
                .orElseGet(() -> "; known " + (path.isEmpty() ? "at the top level" : "here") + ": "
                        + String.join(", ", known));
    }

    /** A value Jackson could not bind, said as one line with its place; never quotes the value (it may be secret). */
    static String bindingProblem(JsonMappingException e) {
        String path = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds() == null ? List.of()
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            int dot = path.lastIndexOf('.');
            return unknownKey(dot < 0 ? "" : path.substring(0, dot), unknown.getPropertyName(), known);
        }
        String where = path.isEmpty() ? "top level" : path;
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return where + ": must be " + expected(mismatch.getTargetType());
        }
        return where + ": cannot be read";
    }

    private static void entries(JsonNode list, String name, List<String> known, List<String> problems) {
        if (list == null || list.isNull()) {
            return;
        }
        if (list.isObject()) {
            // a single entry written without the list (the file format accepts it): Jackson calls it [0] too
            check(list, name + "[0]", known, problems);
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isObject()) {
                check(list.get(i), name + "[" + i + "]", known, problems);
            }
        }
    }

    private static void check(JsonNode object, String path, List<String> known, List<String> problems) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            String key = fields.next().getKey();
            if (!known.contains(key)) {
                problems.add(unknownKey(path, key, known));
            }
        }
    }

    /** {@code clients[2].access_token_ttl}, the way the operator sees the file. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a map of keys and values";
        }
        return "a " + type.getSimpleName();
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "true or false";
        }
        return "text";
    }

    /** The YAML keys of a record: each component's {@code @JsonProperty} name, else its own name. */
    private static List<String> keysOf(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(ImportKeys::keyOf).toList();
    }

    private static String keyOf(RecordComponent component) {
        // @JsonProperty cannot target a record component itself; Java puts it on the accessor (and field, parameter)
        return Optional.ofNullable(component.getAccessor().getAnnotation(JsonProperty.class))
                .map(JsonProperty::value)
                .filter(name -> !name.isEmpty())
                .orElse(component.getName());
    }
}
