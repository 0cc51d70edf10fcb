package edu.lanyard.core.request;

import edu.lanyard.core.error.OAuthError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one request, gathered from the places a dialect allows, in order (servlet semantics: query
 * string first, then form body). Empty values count as absent (RFC 6749 §3.1). Values are trimmed of surrounding
 * white space, which some product documents carry by accident.
 */
public final class RequestParams {
    private final Map<String, List<String>> values;
    private final Map<String, List<String>> asSent;

    private RequestParams(Map<String, List<String>> values, Map<String, List<String>> asSent) {
        this.values = values;
        this.asSent = asSent;
    }

    public enum Source { QUERY, FORM }

    /** Parameters already gathered from a request: trimmed non-empty values, and every value as it was sent. */
    public static RequestParams gathered(Map<String, List<String>> values, Map<String, List<String>> asSent) {
        return new RequestParams(values, asSent);
    }


    public static RequestParams of(Map<String, String> single) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, List<String>> asSent = new LinkedHashMap<>();
        single.forEach((k, v) -> {
            if (v != null) {
                asSent.put(k, List.of(v));
            }
            if (v != null && !v.isBlank()) {
                values.put(k, List.of(v.strip()));
            }
        });
        return new RequestParams(values, asSent);
    }

    /** The first value, if any. */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null ? Optional.empty() : Optional.of(list.get(0));
    }

    public String firstOrNull(String name) {
        return first(name).orElse(null);
    }

    /** A parameter that must be present. */
    public String required(String name) {
        return first(name).orElseThrow(() -> OAuthError.invalidRequest("missing parameter: " + name).toException());
    }

    /** The names that occur more than once (RFC 6749 §3.1: parameters MUST NOT be included more than once). */
    public List<String> repeated() {
        return values.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
    }

    /** Fails with invalid_request if any parameter is repeated. */
    public RequestParams rejectRepeated() {
        List<String> repeated = repeated();
        if (!repeated.isEmpty()) {
            throw OAuthError.invalidRequest("parameter included more than once: " + String.join(", ", repeated))
                    .toException();
        }
        return this;
    }

    /**
     * Every value of {@code name} exactly as sent: not trimmed, blank ones included. For checks that must see what
     * trimming would hide, such as a line break at the end of a redirect URI.
     */
    public List<String> allAsSent(String name) {
        return asSent.getOrDefault(name, List.of());
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }
}
