package edu.lanyard.dialects.ketanyun;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.ActiveToken;
import edu.lanyard.core.token.IssuedTokens;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.dialects.LogoutAnswer;
import edu.lanyard.dialects.ProductDialect;
import edu.lanyard.dialects.ProfileFailure;
import edu.lanyard.dialects.ProfileOptions;
import edu.lanyard.dialects.TokenResult;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ketanyun 科探云 SSO (docs/products.md A), default prefix {@code /sso}: 32-hex tokens, {@code "Bearer"},
 * {@code expires_in} 2000000, POST-only token endpoint, introspection whose {@code token_type} is the grant type and
 * which may be called without client authentication on this mount only. Errors as an Oltu server sends them.
 */
public final class KetanyunDialect extends ProductDialect {
    private final KetanyunOptions options;

    public KetanyunDialect(String prefix, KetanyunOptions options) {
        super(prefix, KetanyunProduct.DESCRIPTOR);
        this.options = options;
    }

    private KetanyunOptions options(Client client) {
        return KetanyunOptions.SCHEMA.forClient(options, client);
    }

    @Override
    protected ProfileOptions profileOptions(Client client) {
        return options(client).profile();
    }

    @Override
    public boolean acceptsGetAtTokenEndpoint() {
        return options.allowGet();
    }

    @Override
    public boolean allowsUnauthenticatedIntrospection() {
        return options.unauthenticatedIntrospection();
    }

    /** Key order of the product's document: access_token, refresh_token, scope, token_type, expires_in. */
    @Override
    public void renderToken(RoutingContext ctx, TokenResult result) {
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
    @Override
    public void renderError(RoutingContext ctx, OAuthError error) {
        JsonObject body = new JsonObject().put("error", error.error());
        if (error.description() != null) {
            body.put("error_description", error.description());
        }
        int status = "invalid_client".equals(error.error()) ? 401
                : error.status() >= 500 || error.throttled() ? error.status() : 400;
        json(ctx, status, body);
    }

    /** Key order of the product's document; {@code token_type} carries the grant type that produced the token. */
    @Override
    public void renderIntrospection(RoutingContext ctx, Optional<ActiveToken> token) {
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

    @Override
    public void renderProfileError(RoutingContext ctx, ProfileFailure failure) {
        renderError(ctx, OAuthError.invalidToken("the access token is invalid, expired or revoked"));
    }

    /** The product's implicit redirect: access_token, scope, token_type=Bearer, expires_in (then state). */
    @Override
    public void putImplicitFields(Map<String, String> params, IssuedTokens tokens, long expiresIn, Client client) {
        params.put("access_token", tokens.accessToken());
        params.put("scope", tokens.access().scope());
        params.put("token_type", "Bearer");
        params.put("expires_in", String.valueOf(expiresIn));
    }

    @Override
    public List<String> logoutTargetParameters() {
        return List.of("redirect_uri", "redirect", "service");
    }

    @Override
    public LogoutAnswer loggedOut(RequestParams params, String target) {
        return target != null ? new LogoutAnswer.Redirect(target)
                : new LogoutAnswer.Json(200, new JsonObject().put("logout", "success"));
    }

    /** The logout answers JSON, so its refusal is Oltu's JSON error. */
    @Override
    public LogoutAnswer malformedLogoutTarget(RequestParams params) {
        return new LogoutAnswer.Json(400, new JsonObject().put("error", "invalid_request")
                .put("error_description", MALFORMED_TARGET));
    }

}
