package edu.lanyard.launcher.dialect;

import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.Http;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests exactly as the products' documents write them (docs/products.md A–E), and assertions on wire shapes. */
final class Wire {
    static final String FORM = "application/x-www-form-urlencoded";
    static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    static final Pattern UUID4 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    static final Pattern CAS_AT = Pattern.compile("AT-\\d+-[A-Za-z0-9_-]{32}");
    static final Pattern CAS_RT = Pattern.compile("RT-\\d+-[A-Za-z0-9_-]{32}");
    static final Pattern CAS_OC = Pattern.compile("OC-\\d+-[A-Za-z0-9_-]{32}");

    private Wire() {
    }

    /** A query string from name/value pairs, values percent-encoded. */
    static String query(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(out.isEmpty() ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    static Http.Reply get(String url, String... headers) {
        return Http.send(builder(url, headers).GET().build());
    }

    /** A POST with the given Content-Type (or none) and body (possibly empty). */
    static Http.Reply post(String url, String contentType, String body, String... headers) {
        HttpRequest.Builder b = builder(url, headers).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return Http.send(b.build());
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder builder(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    /** Status, JSON content type, and the body's keys in this order (the product's serializer order). */
    static JsonObject json(Http.Reply reply, int status, String... keysInOrder) {
        assertEquals(status, reply.status(), reply.body());
        String type = reply.header("Content-Type");
        assertNotNull(type, "no Content-Type");
        assertTrue(type.startsWith("application/json"), type);
        JsonObject body = reply.json();
        if (keysInOrder.length > 0) {
            assertEquals(List.of(keysInOrder), new ArrayList<>(body.fieldNames()), reply.body());
        }
        return body;
    }

    static void matches(Pattern pattern, String value) {
        assertNotNull(value);
        assertTrue(pattern.matcher(value).matches(), value + " does not match " + pattern);
    }

    static Map<String, String> query(String location) {
        return Browser.params(location, false);
    }

    static Map<String, String> fragment(String location) {
        return Browser.params(location, true);
    }
}
