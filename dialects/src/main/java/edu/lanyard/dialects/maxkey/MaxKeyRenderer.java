package edu.lanyard.dialects.maxkey;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.dialects.ProfileFailure;
import edu.lanyard.dialects.TokenResult;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** MaxKey's wire shapes: token responses, its HTTP 200 errors and {@code /me}'s errors. */
final class MaxKeyRenderer {
    private final MaxKeyOptions options;

    MaxKeyRenderer(MaxKeyOptions options) {
        this.options = options;
    }

    private MaxKeyOptions options(Client client) {
        return MaxKeyOptions.SCHEMA.forClient(options, client);
    }

    /** OAuth2AccessTokenJackson2Serializer's order: access_token, token_type, refresh_token, expires_in, scope. */
    void token(RoutingContext ctx, TokenResult result) {
        TokenResponse r = result.response();
        JsonObject body = new JsonObject().put("access_token", r.accessToken()).put("token_type", "bearer");
        if (r.refreshToken() != null) {
            body.put("refresh_token", r.refreshToken());
        }
        body.put("expires_in", r.expiresIn());
        if (options(result.client()).remindIn()) {
            body.put("remind_in", r.expiresIn());
        }
        if (r.scope() != null && !r.scope().isEmpty()) {
            body.put("scope", r.scope());
        }
        if (r.idToken() != null) {
            body.put("id_token", r.idToken());
        }
        json(ctx, 200, body);
    }

    /**
     * Always HTTP 200 (docs/products.md decision 4), except the throttle's 429. A failed client authentication is {@code invalid_client} JSON; the mount option
     * {@code emptyClientAuthFailure} reproduces the real filter's empty body.
     */
    void error(RoutingContext ctx, OAuthError error) {
        if ("invalid_client".equals(error.error()) && options.emptyClientAuthFailure()) {
            ctx.response().putHeader("Cache-Control", "no-store").setStatusCode(200).end();
            return;
        }
        JsonObject body = new JsonObject().put("error", error.error());
        if (error.description() != null) {
            body.put("error_description", error.description());
        }
        // Lanyard's own throttle is no MaxKey behaviour to reproduce: its 429 makes clients and proxies back off.
        json(ctx, error.throttled() ? error.status() : 200, body);
    }

    /** HTTP 200, as UserInfoEndpoint answered; only the first of the two JSON objects real MaxKey wrote. */
    void profileError(RoutingContext ctx, ProfileFailure failure) {
        String token = failure.token();
        JsonObject body = switch (failure.kind()) {
            case MISSING, MALFORMED -> new JsonObject().put("error", "token Format Invalid")
                    .put("error_description", "access Token Format Invalid , access_token : " + token);
            case INVALID -> new JsonObject().put("error", "invalid_token")
                    .put("error_description", "Invalid access token: " + token);
            case UNAVAILABLE -> new JsonObject().put("error", "temporarily_unavailable")
                    .put("error_description", "try again shortly");
        };
        json(ctx, 200, body);
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        Responses.noStore(ctx);
        Responses.json(ctx, status, body);
    }
}
