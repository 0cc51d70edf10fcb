package edu.lanyard.dialects;

import edu.lanyard.core.client.PresentedCredentials;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.ActiveToken;
import edu.lanyard.core.token.IssuedTokens;
import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A product's dialect mounted at a prefix (docs/products.md §0.2): besides the token-endpoint wire format of
 * {@link Dialect}, its profile shape, front-channel (authorize) differences and logout contract. Each product has a
 * package ({@code edu.lanyard.dialects.cas}, …) holding its subclass, its typed options record and its
 * {@link ProductDescriptor} (name, token format, endpoints, import defaults, which this class answers from); the
 * services' endpoints are generic and ask it.
 *
 * <p>Common to every product here (§0.1): parameters come from the query string or the form body, the first value
 * wins, an empty body with URL parameters is fine, and secrets may sit in the query string.
 */
public abstract class ProductDialect implements Dialect {
    protected static final String MALFORMED_TARGET = "the return address contains a control character or whitespace";

    private final String prefix;
    private final ProductDescriptor product;

    protected ProductDialect(String prefix, ProductDescriptor product) {
        this.prefix = normalise(prefix);
        this.product = product;
    }

    /** The product's fixed data: name, token format, endpoints, import defaults. */
    public ProductDescriptor product() {
        return product;
    }

    @Override
    public String name() {
        return product.name();
    }

    @Override
    public TokenFormat tokenFormat() {
        return product.tokenFormat();
    }

    /**
     * Seconds of idleness this client's access tokens survive, each use extending them up to their hard maximum
     * (CAS's sliding timeout); 0, the default, for tokens that live their full lifetime.
     */
    public long accessTokenIdleSeconds(Client client) {
        return 0;
    }

    /** The mount prefix: empty, or starting with '/' and not ending with one. */
    public String prefix() {
        return prefix;
    }

    @Override
    public List<RequestParams.Source> parameterSources() {
        return List.of(RequestParams.Source.QUERY, RequestParams.Source.FORM);
    }

    @Override
    public boolean rejectsRepeatedParameters() {
        return false;
    }

    @Override
    public boolean requiresFormContentType() {
        return false;
    }

    @Override
    public boolean acceptsGetAtTokenEndpoint() {
        return true;
    }

    @Override
    public PresentedCredentials credentials(String authorization, RequestParams params) {
        return ServletCredentials.read(authorization, params, true, false);
    }

    @Override
    public void renderIntrospection(RoutingContext ctx, Optional<ActiveToken> token) {
        JsonObject body = new JsonObject().put("active", token.isPresent());
        token.ifPresent(t -> body.put("scope", t.scope()).put("client_id", t.clientId())
                .put("username", t.username()).put("sub", t.subject()).put("exp", t.expiresAt()));
        Responses.noStore(ctx);
        Responses.json(ctx, 200, body);
    }

    // ---- paths, relative to the prefix ----

    public final List<DialectEndpoint> authorizeEndpoints() {
        return product.authorizeEndpoints();
    }

    public final List<DialectEndpoint> tokenEndpoints() {
        return product.tokenEndpoints();
    }

    public final List<DialectEndpoint> introspectionEndpoints() {
        return product.introspectionEndpoints();
    }

    /** Decision 5: only Ketanyun's mount may answer introspection without client authentication. */
    public boolean allowsUnauthenticatedIntrospection() {
        return false;
    }

    public final List<DialectEndpoint> profileEndpoints() {
        return product.profileEndpoints();
    }

    public final List<DialectEndpoint> logoutEndpoints() {
        return product.logoutEndpoints();
    }

    // ---- profile ----

    /** Where the product's resource endpoint looked for the access token: parameter, then Bearer header. */
    public final Optional<String> profileToken(RoutingContext ctx, RequestParams params) {
        return profileToken(ctx.request().getHeader("Authorization"), params);
    }

    /** The same from the Authorization header (null when absent) and the parameters. */
    public Optional<String> profileToken(String header, RequestParams params) {
        Optional<String> param = params.first("access_token");
        if (param.isPresent()) {
            return param;
        }
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return presentedToken(header.substring(7));
        }
        return Optional.empty();
    }

    /** The token in a header value, if anything is left once control characters and white space are trimmed. */
    public static Optional<String> presentedToken(String value) {
        String token = value.trim();
        return token.isBlank() ? Optional.empty() : Optional.of(token);
    }

    /** Whether the product accepted a token of this shape at all; decision 2 keeps MaxKey's UUID check. */
    public boolean acceptsTokenShape(String token) {
        return true;
    }

    /** The profile's fields in the product's order, before any per-client whitelist. */
    protected Map<String, Object> profile(ProfileSource source) {
        return new LinkedHashMap<>();
    }

    public void renderProfile(RoutingContext ctx, ProfileSource source) {
        Responses.noStore(ctx);
        Responses.json(ctx, 200, new JsonObject(whitelisted(source, profile(source))));
    }

    public abstract void renderProfileError(RoutingContext ctx, ProfileFailure failure);

    /**
     * A profile request that cannot be read at all (malformed parameters): by default the product's invalid_request
     * as its token endpoint words it.
     */
    public void renderProfileRequestError(RoutingContext ctx, OAuthError error) {
        renderError(ctx, error);
    }

    /** Decision 6: a client may carry a list of the profile fields it is allowed to see ({@code profileFields}). */
    protected Map<String, Object> whitelisted(ProfileSource source, Map<String, Object> fields) {
        Optional<List<String>> allowed = profileOptions(source.clientOrNull()).profileFields();
        if (allowed.isEmpty()) {
            return fields;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (allowed.get().contains(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    protected ProfileFields fields(ProfileSource source) {
        return new ProfileFields(source.user(), profileOptions(source.clientOrNull()).attributeMapping());
    }

    /** The profile options in force for a client (its own over the mount's), or the mount's for null. */
    protected abstract ProfileOptions profileOptions(Client client);

    // ---- front channel (authorize) ----

    /** The response_type assumed when a request has none, or null to require it. */
    public String defaultResponseType() {
        return null;
    }

    /** Adds the implicit-grant token fields in this product's shape and order. */
    public abstract void putImplicitFields(Map<String, String> params, IssuedTokens tokens, long expiresIn,
                                           Client client);

    /** Where an implicit response goes: {@code fragment} (RFC 6749 §4.2.2), {@code query} or {@code both}. */
    public String implicitResponseMode(Client client) {
        return "fragment";
    }

    public boolean refreshTokenWithImplicit(Client client) {
        return false;
    }

    /**
     * The body of a 400 JSON answer to an authorize request that has no usable redirect (no or unknown client, a
     * missing or unregistered redirect_uri), for a product that answered those in JSON; empty for Lanyard's error
     * page, the default. Never a redirect (decision 9).
     *
     * @param clientKnown whether client_id named a registered client
     */
    public Optional<JsonObject> authorizeErrorWithoutRedirect(RequestParams params, boolean clientKnown) {
        return Optional.empty();
    }

    /**
     * CAS sent an authorize request without a session through {@code {p}/login?service=<its OAuth callback>}; a
     * product that did so gets that endpoint and that redirect.
     */
    public boolean signsInThroughLoginPath() {
        return false;
    }

    /** Whether this product found its clients whatever the case of the client_id sent (the PHP SSO's MySQL). */
    public boolean clientIdIgnoresCase() {
        return false;
    }

    /** Whether the authorization endpoint reads MaxKey's {@code approval_prompt} ({@code force} asks again). */
    public boolean honoursApprovalPrompt() {
        return false;
    }

    /**
     * Paths (relative to the prefix) under which {@code /{client_id}} starts a code flow for that client and
     * {@code /authorize/approval} takes the consent form, as MaxKey's did; none by default.
     */
    public List<String> clientShortcutBases() {
        return List.of();
    }

    /** Authorization request parameters the product sent back unchanged with the code. */
    public List<String> echoedAuthorizeParameters() {
        return List.of();
    }

    // ---- logout ----

    /** The parameters that may name where to go after logout, in the order they are looked at. */
    public List<String> logoutTargetParameters() {
        return List.of();
    }

    /** The PHP SSO revoked the access and refresh tokens named in the logout request. */
    public boolean revokesPresentedTokensOnLogout() {
        return false;
    }

    /**
     * The answer once the session has ended.
     *
     * @param target the requested return address if it is registered for a client, else null
     */
    public LogoutAnswer loggedOut(RequestParams params, String target) {
        return target != null ? new LogoutAnswer.Redirect(target) : new LogoutAnswer.SignedOutPage();
    }

    /**
     * What to answer when a return address has a control character or whitespace: such a request is refused before
     * the session ends or a token is revoked. By default Lanyard's error page; products that answered logout with
     * JSON answer their JSON error.
     */
    public LogoutAnswer malformedLogoutTarget(RequestParams params) {
        return new LogoutAnswer.ErrorPage("invalid_request", MALFORMED_TARGET);
    }

    /** What to answer for an unregistered return address: by default it is ignored and the session still ends. */
    public Optional<LogoutAnswer> refuseLogoutTarget(RequestParams params) {
        return Optional.empty();
    }

    protected static void json(RoutingContext ctx, int status, JsonObject body) {
        Responses.noStore(ctx);
        Responses.json(ctx, status, body);
    }

    private static String normalise(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.equals("/")) {
            return "";
        }
        String p = prefix.trim();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
