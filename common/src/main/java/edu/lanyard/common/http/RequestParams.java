package edu.lanyard.common.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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

    public static RequestParams from(RoutingContext ctx, List<Source> sources) {
        return from(source -> switch (source) {
            case QUERY -> WellFormedRequests.query(ctx);
            case FORM -> ctx.request().formAttributes();
        }, sources);
    }

    /**
     * The same without a RoutingContext: {@code decoded} gives a source's parameters as Vert.x decodes them. A query
     * string Vert.x cannot decode (a bad percent escape) is the client's invalid_request, not a server error.
     */
    public static RequestParams from(Function<Source, MultiMap> decoded, List<Source> sources) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, List<String>> asSent = new LinkedHashMap<>();
        for (Source source : sources) {
            for (Map.Entry<String, String> entry : decode(decoded, source)) {
                asSent.computeIfAbsent(entry.getKey(), k -> new ArrayList<>(1))
                        .add(entry.getValue() == null ? "" : entry.getValue());
                String value = entry.getValue() == null ? "" : entry.getValue().strip();
                if (!value.isEmpty()) {
                    values.computeIfAbsent(entry.getKey(), k -> new ArrayList<>(1)).add(value);
                }
            }
        }
        return new RequestParams(values, asSent);
    }

    private static MultiMap decode(Function<Source, MultiMap> decoded, Source source) {
        try {
            return decoded.apply(source);
        } catch (HttpException e) {
            // How vertx-web reports a malformed percent escape (always a 400); left alone, an endpoint that maps
            // only OAuthExceptions to client errors would answer it as a 500.
            throw OAuthError.invalidRequest("the " + source.name().toLowerCase(Locale.ROOT)
                    + " parameters could not be decoded").toException();
        }
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
