package edu.lanyard.dialects.ketanyun;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.token.ActiveToken;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.dialects.ProfileFailure;
import edu.lanyard.dialects.TokenResult;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/** Ketanyun's wire shapes: token responses, Oltu's errors, introspection and profile errors. */
final class KetanyunRenderer {
    private final KetanyunOptions options;

    KetanyunRenderer(KetanyunOptions options) {
        this.options = options;
    }

    private KetanyunOptions options(Client client) {
        return KetanyunOptions.SCHEMA.forClient(options, client);
    }

    /** Key order of the product's document: access_token, refresh_token, scope, token_type, expires_in. */
    void token(RoutingContext ctx, TokenResult result) {
        TokenResponse r = result.response();
        JsonObject body = new JsonObject().put("access_token", r.accessToken());
        if (r.refreshToken() != null) {
            body.put("refresh_token", r.refreshToken());
        }
        body.put("scope", options(result.client()).responseScope().orElse(r.scope() == null ? "" : r.scope()))
                .put("token_type", "Bearer")
                .put("expires_in", r.expiresIn());
        if (r.idToken() != null) {
            body.put("id_token", r.idToken());
        }
        json(ctx, 200, body);
    }

    /** As Apache Oltu answers: 400 JSON with a description, invalid_client as 401. */
    void error(RoutingContext ctx, OAuthError error) {
        JsonObject body = new JsonObject().put("error", error.error());
        if (error.description() != null) {
            body.put("error_description", error.description());
        }
        int status = "invalid_client".equals(error.error()) ? 401
                : error.status() >= 500 || error.throttled() ? error.status() : 400;
        json(ctx, status, body);
    }

    /** Key order of the product's document; {@code token_type} carries the grant type that produced the token. */
    void introspection(RoutingContext ctx, Optional<ActiveToken> token) {
        if (token.isEmpty()) {
            json(ctx, 200, new JsonObject().put("active", false));
            return;
        }
        ActiveToken t = token.get();
        JsonObject body = new JsonObject().put("active", true).put("scope", t.scope()).put("client_id", t.clientId());
        if (t.username() != null) {
            body.put("username", t.username());
        }
        body.put("token_type", t.grantType());
        if (t.subject() != null) {
            body.put("sub", t.subject());
        }
        options.tenant().ifPresent(tenant -> body.put("tenant", tenant));
        json(ctx, 200, body);
    }

    void profileError(RoutingContext ctx, ProfileFailure failure) {
        error(ctx, OAuthError.invalidToken("the access token is invalid, expired or revoked"));
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        Responses.noStore(ctx);
        Responses.json(ctx, status, body);
    }
}
