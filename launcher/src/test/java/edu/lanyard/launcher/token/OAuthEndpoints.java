package edu.lanyard.launcher.token;

import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The token, introspection and revocation endpoints of one server, called as an application calls them. Fields are
 * name/value pairs in order, so a test can repeat a parameter on purpose.
 */
final class OAuthEndpoints {
    static final String FORM = "application/x-www-form-urlencoded";

    private final String baseUrl;

    OAuthEndpoints(LanyardTestServer server) {
        this.baseUrl = server.baseUrl();
    }

    String url(String path) {
        return baseUrl + path;
    }

    /** client_secret_basic. */
    Http.Reply token(ClientCredentials client, String... fields) {
        return post("/oauth2/token", client.basic(), fields);
    }

    /** client_secret_post (or a public client naming itself). */
    Http.Reply tokenPost(ClientCredentials client, String... fields) {
        return post("/oauth2/token", null, withPostCredentials(client, fields));
    }

    Http.Reply introspect(ClientCredentials client, String token, String... more) {
        return post("/oauth2/introspect", client.basic(), concat(new String[]{"token", token}, more));
    }

    Http.Reply revoke(ClientCredentials client, String token, String... more) {
        return post("/oauth2/revoke", client.basic(), concat(new String[]{"token", token}, more));
    }

    /** The access token of a successful client_credentials grant. */
    String clientCredentialsToken(ClientCredentials client, String scope) {
        return OAuthAssertions.assertTokenResponse(token(client, "grant_type", "client_credentials", "scope", scope))
                .getString("access_token");
    }

    /** A successful password grant's response. */
    io.vertx.core.json.JsonObject passwordGrant(ClientCredentials client, String username, String password,
                                                String scope) {
        return OAuthAssertions.assertTokenResponse(token(client, "grant_type", "password", "username", username,
                "password", password, "scope", scope));
    }

    /** Whether the token is active, as a resource server (which may introspect every client's tokens) sees it. */
    boolean active(String token) {
        Http.Reply reply = introspect(ClientCredentials.API, token);
        OAuthAssertions.assertNoStoreJson(reply, 200);
        return reply.json().getBoolean("active");
    }

    Http.Reply post(String path, String authorization, String... fields) {
        return send(path, FORM, authorization, form(fields).getBytes(StandardCharsets.UTF_8));
    }

    Http.Reply send(String path, String contentType, String authorization, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Http.send(request.build());
    }

    static String form(String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    static String[] withPostCredentials(ClientCredentials client, String... fields) {
        List<String> all = new ArrayList<>(Arrays.asList(fields));
        all.addAll(client.postFields());
        return all.toArray(String[]::new);
    }

    static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
