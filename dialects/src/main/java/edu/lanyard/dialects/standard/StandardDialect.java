package edu.lanyard.dialects.standard;

import edu.lanyard.core.error.ErrorDescription;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.ActiveToken;
import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.dialects.Dialect;
import edu.lanyard.dialects.TokenResult;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;

/** RFC 6749 / 7009 / 7662 / OIDC as written: the dialect of the {@code /oauth2/*} endpoints. */
public final class StandardDialect implements Dialect {
    private static final TokenFormat FORMAT = new TokenFormat.Opaque256();
    private final String issuer;

    public StandardDialect(String issuer) {
        this.issuer = issuer;
    }

    @Override
    public String name() {
        return "standard";
    }

    @Override
    public List<RequestParams.Source> parameterSources() {
        return List.of(RequestParams.Source.FORM);
    }

    @Override
    public boolean rejectsRepeatedParameters() {
        return true;
    }

    @Override
    public boolean requiresFormContentType() {
        return true;
    }

    @Override
    public TokenFormat tokenFormat() {
        return FORMAT;
    }

    @Override
    public void renderToken(RoutingContext ctx, TokenResult result) {
        TokenResponse response = result.response();
        JsonObject body = new JsonObject()
                .put("access_token", response.accessToken())
                .put("token_type", "Bearer")
                .put("expires_in", response.expiresIn());
        if (response.refreshToken() != null) {
            body.put("refresh_token", response.refreshToken());
        }
        if (response.scope() != null && !response.scope().isEmpty()) {
            body.put("scope", response.scope());
        }
        if (response.idToken() != null) {
            body.put("id_token", response.idToken());
        }
        Responses.noStore(ctx);
        Responses.json(ctx, 200, body);
    }

    @Override
    public void renderError(RoutingContext ctx, OAuthError error) {
        JsonObject body = new JsonObject().put("error", error.error());
        if (error.description() != null) {
            body.put("error_description", ErrorDescription.rfc6749(error.description()));
        }
        if (error.status() == 401 && "invalid_client".equals(error.error())) {
            ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"lanyard\"");
        }
        if (error.status() == 503) {
            ctx.response().putHeader("Retry-After", "1");
        }
        Responses.noStore(ctx);
        Responses.json(ctx, error.status(), body);
    }

    @Override
    public void renderIntrospection(RoutingContext ctx, Optional<ActiveToken> token) {
        JsonObject body = new JsonObject().put("active", token.isPresent());
        token.ifPresent(t -> {
            body.put("scope", t.scope()).put("client_id", t.clientId());
            if (t.username() != null) {
                body.put("username", t.username());
            }
            body.put("token_type", t.kind() == edu.lanyard.core.token.TokenKind.REFRESH_TOKEN
                            ? "refresh_token" : "Bearer")
                    .put("exp", t.expiresAt())
                    .put("iat", t.issuedAt())
                    .put("nbf", t.issuedAt())
                    .put("iss", issuer);
            if (t.subject() != null) {
                body.put("sub", t.subject());
            }
            body.put("aud", t.clientId());
        });
        Responses.noStore(ctx);
        Responses.json(ctx, 200, body);
    }
}
