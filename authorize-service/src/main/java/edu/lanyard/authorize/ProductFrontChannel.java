package edu.lanyard.authorize;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.token.IssuedTokens;
import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.dialects.ProductDialect;

import java.util.Map;

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
    public boolean refreshTokenWithImplicit(Client client) {
        return dialect.refreshTokenWithImplicit(client);
    }
}
