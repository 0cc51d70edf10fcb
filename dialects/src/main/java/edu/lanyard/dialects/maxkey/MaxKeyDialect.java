package edu.lanyard.dialects.maxkey;

import edu.lanyard.core.client.PresentedCredentials;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.IssuedTokens;
import edu.lanyard.dialects.ProductDescriptor;
import edu.lanyard.dialects.ProductDialect;
import edu.lanyard.dialects.ProfileFailure;
import edu.lanyard.dialects.ProfileFields;
import edu.lanyard.dialects.ProfileOptions;
import edu.lanyard.dialects.ProfileSource;
import edu.lanyard.dialects.TokenResult;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * MaxKey 马克思的钥匙 (docs/products.md C), mounted at {@code /sign} (3.x+) and {@code /maxkey} (1.x/2.x). Both
 * path families are served under each prefix, and {@code /me} answers the superset of every version's keys.
 * UUID tokens and codes, {@code "bearer"}, every error as HTTP 200 JSON, and the UUID check before any lookup.
 *
 * <p>How a request is read is {@link MaxKeyRequests}'; the wire shapes are
 * {@link MaxKeyRenderer}'s.
 */
public class MaxKeyDialect extends ProductDialect {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    protected final MaxKeyOptions options;
    private final MaxKeyRequests requests;
    private final MaxKeyRenderer renderer;

    public MaxKeyDialect(String prefix, MaxKeyOptions options) {
        this(prefix, MaxKeyProduct.DESCRIPTOR, options);
    }

    protected MaxKeyDialect(String prefix, ProductDescriptor product, MaxKeyOptions options) {
        super(prefix, product);
        this.options = options;
        this.requests = new MaxKeyRequests(options);
        this.renderer = new MaxKeyRenderer(options);
    }

    private MaxKeyOptions options(Client client) {
        return MaxKeyOptions.SCHEMA.forClient(options, client);
    }

    /** A client's options over the mount's (the mount's for null): for the services' MaxKey-only endpoints. */
    public MaxKeyOptions optionsFor(Client client) {
        return options(client);
    }

    /** The OIDC userinfo's claims ({@code /api/connect/v10/userinfo}) for the token's scopes. */
    public Map<String, Object> oidcUserinfo(ProfileSource source) {
        Map<String, Object> kept = whitelisted(source, MaxKeyWire.oidcClaims(source, fields(source),
                onlineTicket(source)));
        if (kept.containsKey("sub")) {
            return kept;
        }
        // OIDC Core §5.3.2: sub is always returned, whatever a client's profileFields whitelist says.
        Map<String, Object> withSub = new LinkedHashMap<>();
        withSub.put("sub", source.token().subject());
        withSub.putAll(kept);
        return withSub;
    }

    @Override
    protected ProfileOptions profileOptions(Client client) {
        return options(client).profile();
    }

    // ---- token endpoint ----

    @Override
    public PresentedCredentials credentials(String authorization, RequestParams params) {
        return requests.credentials(authorization, params);
    }

    @Override
    public void precheckTokenRequest(RequestParams params) {
        requests.precheckTokenRequest(params);
    }

    @Override
    public OAuthError tokenError(RequestParams params, OAuthError error) {
        return requests.tokenError(params, error);
    }

    @Override
    public void renderToken(RoutingContext ctx, TokenResult result) {
        renderer.token(ctx, result);
    }

    @Override
    public void renderError(RoutingContext ctx, OAuthError error) {
        renderer.error(ctx, error);
    }

    // ---- profile ----

    @Override
    public Optional<String> profileToken(String header, RequestParams params) {
        return requests.profileToken(header, params);
    }

    @Override
    public boolean acceptsTokenShape(String token) {
        return requests.acceptsTokenShape(token);
    }

    /**
     * The superset of every MaxKey version's keys (C.0), in OAuthDefaultUserInfoAdapter's order, or one version's
     * keys when the client's {@code meKeys} names it. {@code uid} (≤2.8) and {@code userId} (2.9+) are the same
     * thing, MaxKey's internal user id, not the login name; {@code state} is the work region.
     */
    @Override
    protected Map<String, Object> profile(ProfileSource source) {
        ProfileFields f = fields(source);
        MaxKeyOptions o = options(source.clientOrNull());
        String userId = f.textOrEmpty("userId");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("randomId", UUID.randomUUID().toString());
        p.put("uid", o.profile().attributeMapping().containsKey("uid") ? f.textOrEmpty("uid") : userId);
        p.put("userId", userId);
        p.put("user", f.textOrEmpty("user"));
        p.put("username", f.textOrEmpty("username"));
        p.put("displayName", f.textOrEmpty("displayName"));
        p.put("realname", f.textOrEmpty("realname"));
        p.put("employeeNumber", f.textOrEmpty("employeeNumber"));
        p.put("email", f.textOrEmpty("email"));
        p.put("mobile", f.textOrEmpty("mobile"));
        p.put("birthday", f.text("birthday"));
        p.put("departmentId", f.textOrEmpty("departmentId"));
        p.put("department", f.textOrEmpty("department"));
        p.put("createdate", createdate(source));
        p.put("title", f.textOrEmpty("title"));
        p.put("state", workRegion(f));
        p.put("gender", gender(f.text("gender")));
        p.put("institution", f.textOrEmpty("institution"));
        p.put("online_ticket", onlineTicket(source));
        p.keySet().removeIf(key -> !o.meKeys().sends(key));
        return p;
    }

    /** MaxKey's {@code state} is the user's work region (工作-省/市): the attribute {@code state}, else {@code workRegion}. */
    protected static String workRegion(ProfileFields f) {
        String state = f.text("state");
        return state != null ? state : f.textOrEmpty("workRegion");
    }

    protected String createdate(ProfileSource source) {
        Instant created = source.user().createdAt();
        if (created == null) {
            return "";
        }
        return CREATED.format(created.atZone(options.timeZone()));
    }

    /** MaxKey stores gender as an integer: 1 male, 2 female (docs/products.md B.2), 0 when unknown. */
    protected static int gender(String value) {
        if (value == null) {
            return 0;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "m", "male", "男" -> 1;
            case "2", "f", "female", "女" -> 2;
            default -> 0;
        };
    }

    /** {@code OT_} and a number, stable for one SSO session (or one token family outside a session). */
    protected static String onlineTicket(ProfileSource source) {
        return onlineTicket(source.token().sessionId() != null ? source.token().sessionId()
                : source.token().grantId());
    }

    /** The online ticket of an SSO session (or token family): also the back-channel logout's {@code ticket}. */
    public static String onlineTicket(String basis) {
        UUID uuid = UUID.nameUUIDFromBytes(basis.getBytes(StandardCharsets.UTF_8));
        return "OT_" + (uuid.getMostSignificantBits() & Long.MAX_VALUE);
    }

    @Override
    public void renderProfileError(RoutingContext ctx, ProfileFailure failure) {
        renderer.profileError(ctx, failure);
    }

    // ---- front channel ----

    /** AuthorizationEndpoint's fragment: access_token, token_type=bearer, expires_in, scope; never a refresh token. */
    @Override
    public void putImplicitFields(Map<String, String> params, IssuedTokens tokens, long expiresIn, Client client) {
        params.put("access_token", tokens.accessToken());
        params.put("token_type", "bearer");
        params.put("expires_in", String.valueOf(expiresIn));
        params.put("scope", tokens.access().scope());
    }

    /** AuthorizationEndpoint read approval_prompt (auto / force) to decide whether to show the approval page. */
    @Override
    public boolean honoursApprovalPrompt() {
        return true;
    }

    /** {@code GET /authz/oauth/v20/{client_id}} and the approval form's target (C.2). */
    @Override
    public List<String> clientShortcutBases() {
        return List.of("/authz/oauth/v20");
    }

    /** MaxKey appended {@code service} to the code redirect, for apps bridging from CAS (C.2). */
    @Override
    public List<String> echoedAuthorizeParameters() {
        return List.of("service");
    }

    // ---- logout ----

    @Override
    public List<String> logoutTargetParameters() {
        return List.of("redirect_uri");
    }

}
