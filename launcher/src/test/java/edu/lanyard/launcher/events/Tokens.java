package edu.lanyard.launcher.events;

import edu.lanyard.launcher.Http;

/** The token endpoints as an application uses them. */
final class Tokens {
    private final String base;

    Tokens(String base) {
        this.base = base;
    }

    Http.Reply clientCredentials(String client, String secret, String scope) {
        return Http.postForm(base + "/oauth2/token", Http.basic(client, secret),
                Http.form(Http.fields("grant_type", "client_credentials", "scope", scope)));
    }

    Http.Reply password(String client, String secret, String username, String password, String scope) {
        return Http.postForm(base + "/oauth2/token", Http.basic(client, secret), Http.form(Http.fields(
                "grant_type", "password", "username", username, "password", password, "scope", scope)));
    }

    Http.Reply refresh(String client, String secret, String refreshToken) {
        return Http.postForm(base + "/oauth2/token", Http.basic(client, secret),
                Http.form(Http.fields("grant_type", "refresh_token", "refresh_token", refreshToken)));
    }

    Http.Reply code(String client, String secret, String code, String redirectUri, String verifier) {
        return Http.postForm(base + "/oauth2/token", Http.basic(client, secret), Http.form(Http.fields(
                "grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "code_verifier", verifier)));
    }

    Http.Reply revoke(String client, String secret, String token) {
        return Http.postForm(base + "/oauth2/revoke", Http.basic(client, secret),
                Http.form(Http.fields("token", token)));
    }

    Http.Reply userinfo(String accessToken) {
        return Http.get(base + "/oauth2/userinfo", "Bearer " + accessToken);
    }

    Http.Reply introspect(String client, String secret, String token) {
        return Http.postForm(base + "/oauth2/introspect", Http.basic(client, secret),
                Http.form(Http.fields("token", token)));
    }

    /** True when the token introspects as active. */
    boolean active(String client, String secret, String token) {
        Http.Reply reply = introspect(client, secret, token);
        if (reply.status() != 200) {
            throw new IllegalStateException("introspection answered " + reply.status() + ": " + reply.body());
        }
        return reply.json().getBoolean("active");
    }
}
