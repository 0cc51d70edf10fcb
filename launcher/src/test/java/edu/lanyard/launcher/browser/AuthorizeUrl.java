package edu.lanyard.launcher.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** An authorization request URL as an application builds it: code flow with openid by default. */
final class AuthorizeUrl {
    private final String endpoint;
    private final Map<String, String> params = new LinkedHashMap<>();

    private AuthorizeUrl(String endpoint) {
        this.endpoint = endpoint;
    }

    static AuthorizeUrl of(String issuer, TestClient client) {
        return new AuthorizeUrl(issuer + "/oauth2/authorize")
                .with("response_type", "code")
                .with("client_id", client.id())
                .with("redirect_uri", client.redirectUri())
                .with("scope", "openid");
    }

    /** Sets a parameter; null removes it. */
    AuthorizeUrl with(String name, String value) {
        if (value == null) {
            params.remove(name);
        } else {
            params.put(name, value);
        }
        return this;
    }

    AuthorizeUrl pkce(Pkce pkce) {
        return with("code_challenge", pkce.challenge()).with("code_challenge_method", pkce.method());
    }

    String build() {
        return endpoint + "?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public String toString() {
        return build();
    }
}
