package edu.lanyard.authorize;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.token.IssuedTokens;
import edu.lanyard.core.token.TokenFormat;

import edu.lanyard.core.request.RequestParams;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What differs between products at the authorization endpoint: the code format, the default response type, and
 * the fields of an implicit (fragment) token response. The standard one follows RFC 6749 §4.2.2.
 */
public interface FrontChannelDialect {
    String name();

    TokenFormat tokenFormat();

    /** The response_type assumed when a request has none, or null to require it. */
    String defaultResponseType();

    /** Adds the implicit-grant token fields in this product's shape, for a client whose switches may change them. */
    void putTokenFields(Map<String, String> params, IssuedTokens tokens, long expiresIn, Client client);

    /**
     * Where this product delivered implicit responses ({@code query}, {@code fragment} or {@code both}), or null
     * for RFC 6749 §4.2.2's fragment.
     */
    default String implicitResponseMode(Client client) {
        return null;
    }

    /** Whether an implicit response also carries a refresh token (the PHP SSO's, forbidden by RFC 6749 §4.2.2). */
    default boolean refreshTokenWithImplicit(Client client) {
        return false;
    }

    /**
     * A product that answered an authorize request without a usable redirect in JSON: the 400 body, or empty for
     * Lanyard's error page.
     */
    default Optional<JsonObject> errorWithoutRedirect(RequestParams params, boolean clientKnown) {
        return Optional.empty();
    }

    /** Whether the product found a client whatever the case of the client_id sent. */
    default boolean clientIdIgnoresCase() {
        return false;
    }

    /**
     * Whether MaxKey's {@code approval_prompt} is read: {@code force} asks for consent again (as {@code
     * prompt=consent}), {@code auto} or anything else leaves it to the client's consent setting.
     */
    default boolean honoursApprovalPrompt() {
        return false;
    }

    /** Request parameters this product sent back unchanged with the code (MaxKey's {@code service}). */
    default List<String> echoedParameters() {
        return List.of();
    }

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
        public void putTokenFields(Map<String, String> params, IssuedTokens tokens, long expiresIn, Client client) {
            params.put("access_token", tokens.accessToken());
            params.put("token_type", "Bearer");
            params.put("expires_in", String.valueOf(expiresIn));
            params.put("scope", tokens.access().scope());
        }
    };
}
