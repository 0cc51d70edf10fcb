package edu.lanyard.dialects.phpsso;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.dialects.ProfileFailure;
import edu.lanyard.dialects.TokenResult;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The PHP SSO's wire shapes: token responses, its 400 errors and {@code resource.php}'s errors. */
final class PhpSsoRenderer {
    private final PhpSsoOptions options;

    PhpSsoRenderer(PhpSsoOptions options) {
        this.options = options;
    }

    private PhpSsoOptions options(Client client) {
        return PhpSsoOptions.SCHEMA.forClient(options, client);
    }

    /** {@code {"access_token":…,"expires_in":"3600"}} plus {@code refresh_token}; switches per client. */
    void token(RoutingContext ctx, TokenResult result) {
        TokenResponse r = result.response();
        PhpSsoOptions own = options(result.client());
        JsonObject body = new JsonObject().put("access_token", r.accessToken());
        if (own.expiresInAsString()) {
            body.put("expires_in", String.valueOf(r.expiresIn()));
        } else {
            body.put("expires_in", r.expiresIn());
        }
        if (own.tokenTypeAccess()) {
            body.put("token_type", "access");
        }
        if (r.refreshToken() != null) {
            body.put("refresh_token", r.refreshToken());
        }
        if (r.idToken() != null) {
            body.put("id_token", r.idToken());
        }
        json(ctx, 200, body);
    }

    /** HTTP 400 (invalid_client too) and only {@code error}; mount option {@code debugErrors} adds the description. */
    void error(RoutingContext ctx, OAuthError error) {
        JsonObject body = new JsonObject().put("error", error.error());
        if (error.description() != null && options.debugErrors()) {
            body.put("error_description", error.description());
        }
        json(ctx, error.status() >= 500 || error.throttled() ? error.status() : 400, body);
    }

    void profileError(RoutingContext ctx, ProfileFailure failure) {
        switch (failure.kind()) {
            case MISSING -> json(ctx, 400, new JsonObject().put("error", "invalid_request"));
            case UNAVAILABLE -> json(ctx, 503, new JsonObject().put("error", "temporarily_unavailable"));
            default -> {
                ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                json(ctx, 401, new JsonObject().put("error", "invalid_token"));
            }
        }
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        Responses.noStore(ctx);
        Responses.json(ctx, status, body);
    }
}
