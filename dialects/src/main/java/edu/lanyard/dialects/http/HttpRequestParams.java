package edu.lanyard.dialects.http;

import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.request.RequestParams.Source;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Gathers a request's parameters from the places a dialect allows, in order (query string first, then form body). */
public final class HttpRequestParams {
    private HttpRequestParams() {
    }

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
        return RequestParams.gathered(values, asSent);
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
}
