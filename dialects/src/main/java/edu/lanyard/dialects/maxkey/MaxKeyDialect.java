package edu.lanyard.dialects.maxkey;

import edu.lanyard.core.client.PresentedCredentials;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.IssuedTokens;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.dialects.ProductDescriptor;
import edu.lanyard.dialects.ProductDialect;
import edu.lanyard.dialects.ProfileFailure;
import edu.lanyard.dialects.ProfileFields;
import edu.lanyard.dialects.ProfileOptions;
import edu.lanyard.dialects.ProfileSource;
import edu.lanyard.dialects.ServletCredentials;
import edu.lanyard.dialects.TokenResult;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * MaxKey 马克思的钥匙 (docs/products.md C), mounted at {@code /sign} (3.x+) and {@code /maxkey} (1.x/2.x). Both
 * path families are served under each prefix, and {@code /me} answers the superset of every version's keys.
 * UUID tokens and codes, {@code "bearer"}, every error as HTTP 200 JSON, and the UUID check before any lookup.
 */
public class MaxKeyDialect extends ProductDialect {
    private static final Pattern UUID_SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    protected final MaxKeyOptions options;

    public MaxKeyDialect(String prefix, MaxKeyOptions options) {
        this(prefix, MaxKeyProduct.DESCRIPTOR, options);
    }

    protected MaxKeyDialect(String prefix, ProductDescriptor product, MaxKeyOptions options) {
        super(prefix, product);
        this.options = options;
    }

    private MaxKeyOptions options(Client client) {
        return MaxKeyOptions.SCHEMA.forClient(options, client);
    }

    @Override
    protected ProfileOptions profileOptions(Client client) {
        return options(client).profile();
    }

    static boolean uuidShaped(String value) {
        return value != null && UUID_SHAPE.matcher(value).matches();
    }

    // ---- paths ----

    // ---- token endpoint ----

    /** TokenEndpointAuthenticationFilter: parameters; Basic only without client_id, never for the password grant. */
    @Override
    public PresentedCredentials credentials(String authorization, RequestParams params) {
        boolean password = "password".equals(params.firstOrNull("grant_type"));
        return ServletCredentials.read(authorization, params, !password, true);
    }

    @Override
    public void precheckTokenRequest(RequestParams params) {
        String grant = params.firstOrNull("grant_type");
        if ("implicit".equals(grant)) {
            throw OAuthError.invalidGrant("Implicit grant type not supported from token endpoint").toException();
        }
        if ("authorization_code".equals(grant) && uuidCheck() && !uuidShaped(params.firstOrNull("code"))) {
            throw OAuthError.invalidRequest("The code is not valid format .").toException();
        }
    }

    /** A wrong user password was reported as a missing client authentication by MaxKey's filter chain. */
    @Override
    public OAuthError tokenError(RequestParams params, OAuthError error) {
        if ("invalid_client".equals(error.error())) {
            return new OAuthError("invalid_client", "Bad client credentials", error.status());
        }
        if ("password".equals(params.firstOrNull("grant_type")) && "invalid_grant".equals(error.error())) {
            return OAuthError.invalidRequest(
                    "There is no client authentication. Try adding an appropriate authentication.");
        }
        return error;
    }

    /** OAuth2AccessTokenJackson2Serializer's order: access_token, token_type, refresh_token, expires_in, scope. */
    @Override
    public void renderToken(RoutingContext ctx, TokenResult result) {
        TokenResponse r = result.response();
        JsonObject body = new JsonObject().put("access_token", r.accessToken()).put("token_type", "bearer");
        if (r.refreshToken() != null) {
            body.put("refresh_token", r.refreshToken());
        }
        body.put("expires_in", r.expiresIn());
        if (options(result.client()).remindIn()) {
            body.put("remind_in", r.expiresIn());
        }
        if (r.scope() != null && !r.scope().isEmpty()) {
            body.put("scope", r.scope());
        }
        if (r.idToken() != null) {
            body.put("id_token", r.idToken());
        }
        json(ctx, 200, body);
    }

    /**
     * Always HTTP 200 (docs/products.md decision 4), except the throttle's 429. A failed client authentication is {@code invalid_client} JSON; the mount option
     * {@code emptyClientAuthFailure} reproduces the real filter's empty body.
     */
    @Override
    public void renderError(RoutingContext ctx, OAuthError error) {
        if ("invalid_client".equals(error.error()) && options.emptyClientAuthFailure()) {
            ctx.response().putHeader("Cache-Control", "no-store").setStatusCode(200).end();
            return;
        }
        JsonObject body = new JsonObject().put("error", error.error());
        if (error.description() != null) {
            body.put("error_description", error.description());
        }
        // Lanyard's own throttle is no MaxKey behaviour to reproduce: its 429 makes clients and proxies back off.
        json(ctx, error.throttled() ? error.status() : 200, body);
    }

    // ---- profile ----

    /** RequestTokenUtils: access_token, then token, then the Authorization header with or without "Bearer ". */
    @Override
    public Optional<String> profileToken(String header, RequestParams params) {
        Optional<String> param = params.first("access_token").or(() -> params.first("token"));
        if (param.isPresent()) {
            return param;
        }
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : header;
        return presentedToken(value);
    }

    @Override
    public boolean acceptsTokenShape(String token) {
        return !uuidCheck() || uuidShaped(token);
    }

    private boolean uuidCheck() {
        return options.uuidTokenCheck();
    }

    /** The superset of every MaxKey version's keys (C.0), in OAuthDefaultUserInfoAdapter's order. */
    @Override
    protected Map<String, Object> profile(ProfileSource source) {
        ProfileFields f = fields(source);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("randomId", UUID.randomUUID().toString());
        p.put("uid", f.textOrEmpty("uid"));
        p.put("userId", f.textOrEmpty("userId"));
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
        p.put("state", f.textOrEmpty("state"));
        p.put("gender", gender(f.text("gender")));
        p.put("institution", f.textOrEmpty("institution"));
        p.put("online_ticket", onlineTicket(source));
        return p;
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
        String basis = source.token().sessionId() != null ? source.token().sessionId() : source.token().grantId();
        UUID uuid = UUID.nameUUIDFromBytes(basis.getBytes(StandardCharsets.UTF_8));
        return "OT_" + (uuid.getMostSignificantBits() & Long.MAX_VALUE);
    }

    /** HTTP 200, as UserInfoEndpoint answered; only the first of the two JSON objects real MaxKey wrote. */
    @Override
    public void renderProfileError(RoutingContext ctx, ProfileFailure failure) {
        String token = failure.token();
        JsonObject body = switch (failure.kind()) {
            case MISSING, MALFORMED -> new JsonObject().put("error", "token Format Invalid")
                    .put("error_description", "access Token Format Invalid , access_token : " + token);
            case INVALID -> new JsonObject().put("error", "invalid_token")
                    .put("error_description", "Invalid access token: " + token);
            case UNAVAILABLE -> new JsonObject().put("error", "temporarily_unavailable")
                    .put("error_description", "try again shortly");
        };
        json(ctx, 200, body);
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

    // ---- logout ----

    @Override
    public List<String> logoutTargetParameters() {
        return List.of("redirect_uri");
    }

}
