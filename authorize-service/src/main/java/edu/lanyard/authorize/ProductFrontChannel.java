package edu.lanyard.authorize;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.token.IssuedTokens;
import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.dialects.ProductDialect;

import edu.lanyard.core.request.RequestParams;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Optional;

/** A product dialect's authorization-endpoint differences, as the sign-in flow asks for them. */
public final class ProductFrontChannel implements FrontChannelDialect {
    private final ProductDialect dialect;

    public ProductFrontChannel(ProductDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String name() {
        return dialect.name();
    }

    @Override
    public TokenFormat tokenFormat() {
        return dialect.tokenFormat();
    }

    @Override
    public String defaultResponseType() {
        return dialect.defaultResponseType();
    }

    @Override
    public void putTokenFields(Map<String, String> params, IssuedTokens tokens, long expiresIn, Client client) {
        dialect.putImplicitFields(params, tokens, expiresIn, client);
    }

    @Override
    public String implicitResponseMode(Client client) {
        String mode = dialect.implicitResponseMode(client);
        return "fragment".equals(mode) ? null : mode;
    }

    @Override
    public Optional<JsonObject> errorWithoutRedirect(RequestParams params, boolean clientKnown) {
        return dialect.authorizeErrorWithoutRedirect(params, clientKnown);
    }

    @Override
    public boolean clientIdIgnoresCase() {
        return dialect.clientIdIgnoresCase();
    }

    @Override
    public boolean refreshTokenWithImplicit(Client client) {
        return dialect.refreshTokenWithImplicit(client);
    }

    @Override
    public boolean honoursApprovalPrompt() {
        return dialect.honoursApprovalPrompt();
    }

    @Override
    public java.util.List<String> echoedParameters() {
        return dialect.echoedAuthorizeParameters();
    }
}
