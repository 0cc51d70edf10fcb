package edu.lanyard.dialects;

import edu.lanyard.core.client.PresentedCredentials;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.ActiveToken;
import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.dialects.http.HttpRequestParams;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything in which one product's wire format differs from another's: where parameters and credentials come from,
 * which token strings it mints, and how results and errors look. Grant handlers, stores and events never see which
 * dialect called them (docs/products.md decision 1).
 */
public interface Dialect {

    String name();

    /** Where request parameters are read from, in precedence order. */
    List<RequestParams.Source> parameterSources();

    /** Standard OAuth rejects repeated parameters; servlet-based products took the first value. */
    boolean rejectsRepeatedParameters();

    /** Standard OAuth requires a form body on POST; several products accept an empty body with URL parameters. */
    boolean requiresFormContentType();

    TokenFormat tokenFormat();

    /** The token response, with the client whose per-client switches shape it. */
    void renderToken(RoutingContext ctx, TokenResult result);

    void renderError(RoutingContext ctx, OAuthError error);

    void renderIntrospection(RoutingContext ctx, Optional<ActiveToken> token);

    default RequestParams params(RoutingContext ctx) {
        return checkedForRepeats(HttpRequestParams.from(ctx, parameterSources()));
    }

    /** The same from the request's parameters as Vert.x decodes them, per source (no RoutingContext needed). */
    default RequestParams params(Function<RequestParams.Source, MultiMap> decoded) {
        return checkedForRepeats(HttpRequestParams.from(decoded, parameterSources()));
    }

    private RequestParams checkedForRepeats(RequestParams params) {
        return rejectsRepeatedParameters() ? params.rejectRepeated() : params;
    }

    /** How the calling client identified itself. */
    default PresentedCredentials credentials(RoutingContext ctx, RequestParams params) {
        return credentials(ctx.request().getHeader("Authorization"), params);
    }

    /**
     * Whether the request names no client at all, so it is an anonymous call (introspection a product allowed
     * without client authentication); a request whose credentials cannot even be read does name one, and fails its
     * authentication like any other.
     */
    default boolean namesNoClient(RoutingContext ctx, RequestParams params) {
        try {
            return credentials(ctx, params).clientId() == null;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** The same from the Authorization header (null when absent); RFC 6749 §2.3 by default. */
    default PresentedCredentials credentials(String authorization, RequestParams params) {
        return PresentedCredentials.read(authorization, params);
    }

    /** The grant_type assumed when a token request has none, or null to require it. */
    default String defaultGrantType() {
        return null;
    }

    /** RFC 6749 §3.2 says POST; several products also answered GET. */
    default boolean acceptsGetAtTokenEndpoint() {
        return false;
    }

    /** Checks a product made before any lookup (MaxKey validates the shape of a code); throws an OAuthException. */
    default void precheckTokenRequest(RequestParams params) {
    }

    /** Lets a dialect word a token-endpoint failure the way its product did. */
    default OAuthError tokenError(RequestParams params, OAuthError error) {
        return error;
    }

    /**
     * The scope an authenticated caller of the introspection endpoint must have registered, if the product asked
     * for one (Ketanyun's {@code introspect}); none by default.
     */
    default Optional<String> introspectionScope(Client caller) {
        return Optional.empty();
    }
}
