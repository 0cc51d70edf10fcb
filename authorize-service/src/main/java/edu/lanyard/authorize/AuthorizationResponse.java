package edu.lanyard.authorize;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters going back to the client's redirect URI, and how: in the query, in the fragment, or by an auto-posted
 * form (OAuth 2.0 Form Post Response Mode); {@code both} puts them in query and fragment (a product dialect's switch).
 */
public record AuthorizationResponse(String redirectUri, String mode, Map<String, String> params) {

    public AuthorizationResponse {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public String location() {
        StringBuilder url = new StringBuilder(redirectUri);
        String joined = encoded();
        if (joined.isEmpty()) {
            return url.toString();
        }
        if ("both".equals(mode)) {
            // The PHP SSO's switch: the same pairs in query and fragment, for whichever the app's script parses.
            return url.append(redirectUri.contains("?") ? "&" : "?").append(joined).append('#').append(joined)
                    .toString();
        }
        if ("fragment".equals(mode)) {
            url.append(redirectUri.contains("#") ? "&" : "#");
        } else {
            url.append(redirectUri.contains("?") ? "&" : "?");
        }
        return url.append(joined).toString();
    }

    private String encoded() {
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

    public boolean formPost() {
        return "form_post".equals(mode);
    }
}
