package edu.lanyard.dialects.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.devkit.fuzz.WireRequest;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.handler.HttpException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RequestParams over whatever query string and form body a client sends, decoded as Vert.x decodes them. Under
 * {@code mvn test} this runs the seed requests in {@code RequestParamsFuzzTestInputs}; {@code perf/fuzz.sh} fuzzes.
 *
 * <p>Invariants: an undecodable query is an invalid_request (400), nothing else is thrown; the merged parameters are
 * exactly the non-blank values of the sources in order (query before form), stripped; repeats are reported and
 * rejected as invalid_request.
 */
class RequestParamsFuzzTest {
    private static final List<List<RequestParams.Source>> SOURCE_ORDERS = List.of(
            List.of(RequestParams.Source.QUERY),
            List.of(RequestParams.Source.FORM),
            List.of(RequestParams.Source.QUERY, RequestParams.Source.FORM));

    @FuzzTest
    void queryAndForm(byte[] input) {
        WireRequest wire = WireRequest.parse(input);
        Optional<MultiMap> form = wire.form();
        if (form.isEmpty()) {
            return; // Vert.x answers 400 before any handler sees the request
        }
        for (List<RequestParams.Source> sources : SOURCE_ORDERS) {
            RequestParams params;
            try {
                params = HttpRequestParams.from(source -> source == RequestParams.Source.QUERY
                        ? wire.query() : form.get(), sources);
            } catch (OAuthException e) {
                assertEquals(new OAuthError("invalid_request", "the query parameters could not be decoded", 400),
                        e.error());
                assertThrows(HttpException.class, wire::query, "only an undecodable query may fail");
                continue;
            }
            checkAgainstModel(params, expected(wire, form.get(), sources));
            for (RequestParams.Source source : sources) {
                (source == RequestParams.Source.QUERY ? wire.query() : form.get()).names().forEach(name ->
                        assertEquals(expected(wire, form.get(), sources).containsKey(name), params.has(name),
                                "a name with only blank values counts as absent: " + name));
            }
        }
    }

    /** The non-blank, stripped values per name, in source order: what RequestParams promises. */
    private static Map<String, List<String>> expected(WireRequest wire, MultiMap form,
                                                      List<RequestParams.Source> sources) {
        Map<String, List<String>> model = new LinkedHashMap<>();
        for (RequestParams.Source source : sources) {
            MultiMap map = source == RequestParams.Source.QUERY ? wire.query() : form;
            for (Map.Entry<String, String> entry : map) {
                String value = entry.getValue() == null ? "" : entry.getValue().strip();
                if (!value.isEmpty()) {
                    model.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(value);
                }
            }
        }
        return model;
    }

    private static void checkAgainstModel(RequestParams params, Map<String, List<String>> model) {
        List<String> repeated = new ArrayList<>();
        model.forEach((name, values) -> {
            assertTrue(params.has(name), name);
            String first = params.required(name);
            assertEquals(values.get(0), first, name);
            assertTrue(!first.isEmpty() && first.equals(first.strip()), "values are non-empty and stripped");
            if (values.size() > 1) {
                repeated.add(name);
            }
        });
        assertEquals(repeated, params.repeated());
        if (repeated.isEmpty()) {
            params.rejectRepeated();
        } else {
            OAuthException e = assertThrows(OAuthException.class, params::rejectRepeated);
            assertEquals("invalid_request", e.error().error());
            assertEquals(400, e.error().status());
        }
        String absent = "\u0000absent";
        if (!model.containsKey(absent)) {
            assertTrue(params.first(absent).isEmpty());
            OAuthException e = assertThrows(OAuthException.class, () -> params.required(absent));
            assertEquals("invalid_request", e.error().error());
        }
    }
}
