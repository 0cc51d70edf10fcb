package edu.lanyard.dialects.ketanyun;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.ActiveToken;
import edu.lanyard.core.token.IssuedTokens;
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
 *
 * <p>The wire shapes are {@link KetanyunRenderer}'s.
 */
public final class KetanyunDialect extends ProductDialect {
    private final KetanyunOptions options;
    private final KetanyunRenderer renderer;

    public KetanyunDialect(String prefix, KetanyunOptions options) {
        super(prefix, KetanyunProduct.DESCRIPTOR);
        this.options = options;
        this.renderer = new KetanyunRenderer(options);
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

    /**
     * Ketanyun's admin let a client introspect only with the {@code introspect} scope ticked (IGA README). That asks
     * it of clients imported for Ketanyun; a Lanyard resource server of another dialect introspects on any mount.
     */
    @Override
    public Optional<String> introspectionScope(Client caller) {
        if (!name().equals(caller.dialect()) || !options(caller).introspectScope()) {
            return Optional.empty();
        }
        return Optional.of("introspect");
    }

    @Override
    public void renderToken(RoutingContext ctx, TokenResult result) {
        renderer.token(ctx, result);
    }

    @Override
    public void renderError(RoutingContext ctx, OAuthError error) {
        renderer.error(ctx, error);
    }

    @Override
    public void renderIntrospection(RoutingContext ctx, Optional<ActiveToken> token) {
        renderer.introspection(ctx, token);
    }

    @Override
    public void renderProfileError(RoutingContext ctx, ProfileFailure failure) {
        renderer.profileError(ctx, failure);
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
