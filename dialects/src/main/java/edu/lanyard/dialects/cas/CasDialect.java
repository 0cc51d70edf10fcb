package edu.lanyard.dialects.cas;

import edu.lanyard.core.client.PresentedCredentials;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.IssuedTokens;
import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.dialects.ProductDialect;
import edu.lanyard.dialects.ProfileFailure;
import edu.lanyard.dialects.ProfileFields;
import edu.lanyard.dialects.ProfileOptions;
import edu.lanyard.dialects.ProfileSource;
import edu.lanyard.dialects.TokenResult;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apereo CAS's OAuth 2.0 endpoints as Sinosoft deployed them (docs/products.md D), prefix {@code /cas}:
 * {@code OC-/AT-/RT-} tickets, 30 s codes, {@code expires_in} the constant maximum lifetime, a refresh that neither
 * rotates nor repeats the refresh token, 5.x text errors ({@code error=invalid_grant}) with 6.x JSON as a switch, and
 * the NESTED profile with single values unwrapped. Token key order is 6.0/6.1's.
 *
 * <p>The wire shapes are {@link CasRenderer}'s; this class holds the profile's content and the
 * front-channel and logout differences.
 */
public final class CasDialect extends ProductDialect {
    private final CasOptions options;
    private final TokenFormat format;
    private final CasRenderer renderer;

    public CasDialect(String prefix, CasOptions options) {
        super(prefix, CasProduct.DESCRIPTOR);
        this.options = options;
        this.format = new TokenFormat.CasTicket(options.hostSuffix().orElse(null));
        this.renderer = new CasRenderer(options);
    }

    /** The mount's options (the CAS protocol's switches among them). */
    public CasOptions options() {
        return options;
    }

    private CasOptions options(Client client) {
        return CasOptions.SCHEMA.forClient(options, client);
    }

    @Override
    protected ProfileOptions profileOptions(Client client) {
        return options(client).profile();
    }

    @Override
    public TokenFormat tokenFormat() {
        return format;
    }

    // ---- token endpoint ----

    /**
     * Parameters or HTTP Basic. A request naming no client at all failed CAS's request verification
     * ({@code invalid_request}); wrong credentials are answered {@code invalid_grant} by the renderer.
     */
    @Override
    public PresentedCredentials credentials(String authorization, RequestParams params) {
        PresentedCredentials presented = super.credentials(authorization, params);
        if (presented.clientId() == null) {
            throw OAuthError.invalidRequest("client_id is missing").toException();
        }
        return presented;
    }

    @Override
    public void renderToken(RoutingContext ctx, TokenResult result) {
        renderer.token(ctx, result, options(result.client()));
    }

    @Override
    public void renderError(RoutingContext ctx, OAuthError error) {
        renderer.error(ctx, error);
    }

    /** CAS's sliding idle lifetime ({@code accessTokenIdleSeconds}, default 7200 s). */
    @Override
    public long accessTokenIdleSeconds(Client client) {
        return options(client).accessTokenIdleSeconds();
    }

    // ---- profile ----

    /** The id is the username unless {@code idAttribute} names another field (CAS's principal attribute). */
    @Override
    public void renderProfile(RoutingContext ctx, ProfileSource source) {
        CasOptions own = options(source.clientOrNull());
        Map<String, Object> attributes = whitelisted(source, attributes(source, own));
        renderer.profile(ctx, source, attributes, fields(source).textOrEmpty(own.idAttribute()), own);
    }

    /** Every attribute of the user; CAS unwraps single-element lists to scalars. */
    private Map<String, Object> attributes(ProfileSource source, CasOptions own) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        own.credentialType().ifPresent(type -> attributes.put("credentialType", type));
        Map<String, String> mapping = own.profile().attributeMapping();
        ProfileFields fields = fields(source);
        mapping.keySet().forEach(name -> attributes.put(name, fields.value(name)));
        source.user().attributes().forEach((name, value) -> {
            if (!mapping.containsKey(name)) {
                attributes.put(name, value);
            }
        });
        attributes.replaceAll((name, value) -> unwrap(value));
        attributes.values().removeIf(java.util.Objects::isNull);
        return attributes;
    }

    private static Object unwrap(Object value) {
        if (value instanceof List<?> list) {
            return list.size() == 1 ? list.get(0) : new JsonArray(List.copyOf(list));
        }
        return value;
    }

    @Override
    public void renderProfileError(RoutingContext ctx, ProfileFailure failure) {
        renderer.profileError(ctx, failure);
    }

    @Override
    public void renderProfileRequestError(RoutingContext ctx, OAuthError error) {
        renderer.profileRequestError(ctx, error);
    }

    // ---- front channel ----

    @Override
    public void putImplicitFields(Map<String, String> params, IssuedTokens tokens, long expiresIn, Client client) {
        params.put("access_token", tokens.accessToken());
        params.put("token_type", "bearer");
        params.put("expires_in", String.valueOf(client.accessTokenTtl()));
    }

    /** D.1: no session means {@code /cas/login?service=<callback to the authorize request>}. */
    @Override
    public boolean signsInThroughLoginPath() {
        return true;
    }

    // ---- logout ----

    /** {@code service} (CAS 4+) or {@code url} (CAS 3); followed when {@code followServiceRedirects} (default). */
    @Override
    public List<String> logoutTargetParameters() {
        return options.followServiceRedirects() ? List.of("service", "url") : List.of();
    }
}
