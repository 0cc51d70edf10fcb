package edu.lanyard.authorize.responsemode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The response parameters as {@code name=value&...}, for a query string or a fragment. */
final class UrlParameters {
    private UrlParameters() {
    }

    /** Values percent-encoded as UTF-8, a space as {@code %20} (it means the same in a query and a fragment). */
    static String encode(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((name, value) -> {
            if (value != null) {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                out.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)
                        .replace("+", "%20"));
            }
        });
        return out.toString();
    }

    /** {@code uri} with the parameters after {@code marker} ({@code ?} or {@code #}), or {@code &} if it has one. */
    static String append(String uri, char marker, String encoded) {
        if (encoded.isEmpty()) {
            return uri;
        }
        return uri + (uri.indexOf(marker) >= 0 ? '&' : marker) + encoded;
    }
}
