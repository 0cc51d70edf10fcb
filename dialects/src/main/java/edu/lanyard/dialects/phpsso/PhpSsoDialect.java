package edu.lanyard.dialects.phpsso;

import edu.lanyard.core.client.PresentedCredentials;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.IssuedTokens;
import edu.lanyard.dialects.LogoutAnswer;
import edu.lanyard.dialects.ProductDialect;
import edu.lanyard.dialects.ProfileFailure;
import edu.lanyard.dialects.ProfileFields;
import edu.lanyard.dialects.ProfileOptions;
import edu.lanyard.dialects.ProfileSource;
import edu.lanyard.dialects.ServletCredentials;
import edu.lanyard.dialects.TokenResult;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PHP campus SSO (docs/products.md E; an oauth2-php draft-10 server), mounted at the site root by default:
 * {@code authorize.php}, {@code token.php}, {@code resource.php}, {@code logout.php}. 32-hex tokens, default
 * {@code response_type=code} and {@code grant_type=authorization_code}, {@code expires_in} as a string, no
 * {@code token_type}, implicit tokens in the query by default, {@code {"error":…}} with 400, rotating refresh, and an
 * idempotent logout with three result forms.
 *
 * <p>The wire shapes are {@link PhpSsoRenderer}'s.
 */
public final class PhpSsoDialect extends ProductDialect {
    private static final List<String> DEFAULT_PROFILE_FIELDS = List.of("uid", "username", "role");

    private final PhpSsoOptions options;
    private final PhpSsoRenderer renderer;

    public PhpSsoDialect(String prefix, PhpSsoOptions options) {
        super(prefix, PhpSsoProduct.DESCRIPTOR);
        this.options = options;
        this.renderer = new PhpSsoRenderer(options);
    }

    private PhpSsoOptions options(Client client) {
        return PhpSsoOptions.SCHEMA.forClient(options, client);
    }

    @Override
    protected ProfileOptions profileOptions(Client client) {
        return options(client).profile();
    }

    // ---- token endpoint ----

    @Override
    public String defaultGrantType() {
        return "authorization_code";
    }

    /** oauth2-php refused Basic together with a posted client_id; a switch ({@code rejectBasicWithClientId}). */
    @Override
    public PresentedCredentials credentials(String authorization, RequestParams params) {
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic && params.has("client_id") && options.rejectBasicWithClientId()) {
            throw OAuthError.invalidClient("use either HTTP Basic or client_id, not both").toException();
        }
        return ServletCredentials.read(authorization, params, true, false);
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

    /**
     * {@code uid} is the login name and {@code username} the display name (the product's document: "lay" /
     * "liaiyong"). The field set is the client's {@code profileFields} whitelist, by default uid, username, role;
     * missing fields are omitted.
     */
    @Override
    protected Map<String, Object> profile(ProfileSource source) {
        ProfileOptions own = profileOptions(source.clientOrNull());
        List<String> names = own.profileFields().orElse(DEFAULT_PROFILE_FIELDS);
        Map<String, String> mapping = new LinkedHashMap<>(Map.of("uid", "username", "username", "name"));
        mapping.putAll(own.attributeMapping());
        ProfileFields fields = new ProfileFields(source.user(), mapping);
        Map<String, Object> profile = new LinkedHashMap<>();
        for (String name : names) {
            Object value = fields.value(name);
            if (value != null) {
                profile.put(name, value);
            }
        }
        return profile;
    }

    @Override
    protected Map<String, Object> whitelisted(ProfileSource source, Map<String, Object> fields) {
        return fields;
    }

    @Override
    public void renderProfileError(RoutingContext ctx, ProfileFailure failure) {
        renderer.profileError(ctx, failure);
    }

    // ---- front channel ----

    @Override
    public String defaultResponseType() {
        return "code";
    }

    /** The product's order: access_token, expires_in, refresh_token when the client may refresh (then state). */
    @Override
    public void putImplicitFields(Map<String, String> params, IssuedTokens tokens, long expiresIn, Client client) {
        params.put("access_token", tokens.accessToken());
        params.put("expires_in", String.valueOf(expiresIn));
        if (tokens.refreshToken() != null) {
            params.put("refresh_token", tokens.refreshToken());
        }
    }

    /** Option {@code implicitDelivery}: QUERY (default, as the product's document), FRAGMENT (oauth2-php), BOTH. */
    @Override
    public String implicitResponseMode(Client client) {
        return options(client).implicitDelivery().responseMode();
    }

    @Override
    public boolean refreshTokenWithImplicit(Client client) {
        return client.allows(edu.lanyard.core.domain.GrantType.REFRESH_TOKEN);
    }

    /**
     * oauth2-php answered {@code {"error":"invalid_client"}} when it had no redirect to use (E.1), with status 302
     * that browsers show as nothing; Lanyard sends 400. A missing redirect_uri is its {@code invalid_request}, an
     * unregistered one {@code redirect_uri_mismatch} — but never redirected to (decision 9).
     */
    @Override
    public Optional<JsonObject> authorizeErrorWithoutRedirect(RequestParams params, boolean clientKnown) {
        String code = !clientKnown ? "invalid_client"
                : params.has("redirect_uri") ? "redirect_uri_mismatch" : "invalid_request";
        return Optional.of(new JsonObject().put("error", code));
    }

    @Override
    public boolean clientIdIgnoresCase() {
        return options.clientIdIgnoresCase();
    }

    // ---- logout ----

    @Override
    public List<String> logoutTargetParameters() {
        return List.of("redirect_uri");
    }

    @Override
    public boolean revokesPresentedTokensOnLogout() {
        return true;
    }

    /** {@code ?logout=success}, {@code #logout=success} with response_type=token, or {@code {"logout":"success"}}. */
    @Override
    public LogoutAnswer loggedOut(RequestParams params, String target) {
        if (target == null) {
            return new LogoutAnswer.Json(200, new JsonObject().put("logout", "success"));
        }
        boolean fragment = "token".equals(params.firstOrNull("response_type"));
        String separator = fragment ? (target.contains("#") ? "&" : "#") : (target.contains("?") ? "&" : "?");
        return new LogoutAnswer.Redirect(target + separator + "logout=success");
    }

    /** docs/products.md decision 9: an unregistered redirect_uri never gets a redirect, not even with an error. */
    @Override
    public Optional<LogoutAnswer> refuseLogoutTarget(RequestParams params) {
        return Optional.of(new LogoutAnswer.Json(400, new JsonObject().put("error", "redirect_uri_mismatch")));
    }

    /** A malformed request, in the product's JSON error shape (never a redirect). */
    @Override
    public LogoutAnswer malformedLogoutTarget(RequestParams params) {
        JsonObject body = new JsonObject().put("error", "invalid_request");
        if (options.debugErrors()) {
            body.put("error_description", MALFORMED_TARGET);
        }
        return new LogoutAnswer.Json(400, body);
    }

}
