package edu.lanyard.authorize;

import edu.lanyard.common.token.IssuedTokens;
import edu.lanyard.common.token.TokenFormat;

import java.util.Map;

/**
 * What differs between products at the authorization endpoint: the code format, the default response type, and
 * the fields of an implicit (fragment) token response. The standard one follows RFC 6749 §4.2.2.
 */
public interface FrontChannelDialect {
    String name();

    TokenFormat tokenFormat();

    /** The response_type assumed when a request has none, or null to require it. */
    String defaultResponseType();

    /** Adds the implicit-grant token fields in this product's shape. */
    void putTokenFields(Map<String, String> params, IssuedTokens tokens, long expiresIn);

    FrontChannelDialect STANDARD = new FrontChannelDialect() {
        private final TokenFormat format = new TokenFormat.Opaque256();

        @Override
        public String name() {
            return "standard";
        }

        @Override
        public TokenFormat tokenFormat() {
            return format;
        }

        @Override
        public String defaultResponseType() {
            return null;
        }

        @Override
        public void putTokenFields(Map<String, String> params, IssuedTokens tokens, long expiresIn) {
            params.put("access_token", tokens.accessToken());
            params.put("token_type", "Bearer");
            params.put("expires_in", String.valueOf(expiresIn));
            params.put("scope", tokens.access().scope());
        }
    };
}
