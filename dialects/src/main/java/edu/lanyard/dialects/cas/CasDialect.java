package edu.lanyard.dialects.cas;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.token.IssuedTokens;
import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.dialects.ProductDialect;
import edu.lanyard.dialects.ProfileFailure;
import edu.lanyard.dialects.ProfileFields;
import edu.lanyard.dialects.ProfileOptions;
import edu.lanyard.dialects.ProfileSource;
import edu.lanyard.dialects.TokenResult;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apereo CAS's OAuth 2.0 endpoints as Sinosoft deployed them (docs/products.md D), prefix {@code /cas}:
 * {@code OC-/AT-/RT-} tickets, 30 s codes, {@code expires_in} the constant maximum lifetime, a refresh that neither
 * rotates nor repeats the refresh token, 5.x text errors ({@code error=invalid_grant}) with 6.x JSON as a switch, and
 * the NESTED profile with single values unwrapped. Token key order is 6.0/6.1's.
 */
public final class CasDialect extends ProductDialect {
    private final CasOptions options;
    private final TokenFormat format;

    public CasDialect(String prefix, CasOptions options) {
        super(prefix, CasProduct.DESCRIPTOR);
        this.options = options;
        this.format = new TokenFormat.CasTicket(options.hostSuffix().orElse(null));
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
     * {@code expires_in} is the configured maximum lifetime, not the time left. A refresh answers only the new
     * access token. Option {@code tokenResponseFormat: text} gives CAS 5.x's {@code jsonFormat=false} body.
     */
    @Override
    public void renderToken(RoutingContext ctx, TokenResult result) {
        TokenResponse r = result.response();
        long expiresIn = result.client() != null ? result.client().accessTokenTtl() : r.expiresIn();
        String refresh = result.refresh() ? null : r.refreshToken();
        Responses.noStore(ctx);
        if (options(result.client()).tokenResponseFormat() == CasOptions.TokenResponseFormat.TEXT) {
            StringBuilder text = new StringBuilder("access_token=").append(encode(r.accessToken()))
                    .append("&expires_in=").append(expiresIn);
            if (refresh != null) {
                text.append("&refresh_token=").append(encode(refresh));
            }
            Responses.text(ctx, 200, "text/plain;charset=UTF-8", text.toString());
            return;
        }
        JsonObject body = new JsonObject().put("access_token", r.accessToken());
        if (refresh != null) {
            body.put("refresh_token", refresh);
        }
        body.put("token_type", "bearer").put("expires_in", expiresIn);
        if (r.idToken() != null) {
            body.put("id_token", r.idToken());
        }
        Responses.json(ctx, 200, body);
    }

    /**
     * CAS 5.x: HTTP 400 {@code text/plain} {@code error=invalid_grant} for a bad code, refresh token or user, and
     * {@code error=invalid_request} for anything its request verification rejected. Mount option
     * {@code errorFormat: json} answers 6.x's {@code {"error":…}} instead.
     */
    @Override
    public void renderError(RoutingContext ctx, OAuthError error) {
        String code = casCode(error);
        int status = error.status() >= 500 || error.throttled() ? error.status() : 400;
        Responses.noStore(ctx);
        if (options.errorFormat() == CasOptions.ErrorFormat.JSON) {
            Responses.json(ctx, status, new JsonObject().put("error", code));
        } else {
            Responses.text(ctx, status, "text/plain;charset=UTF-8", "error=" + code);
        }
    }

    private static String casCode(OAuthError error) {
        if (error.status() >= 500 || error.throttled()) {
            return error.error();
        }
        return "invalid_grant".equals(error.error()) ? "invalid_grant" : "invalid_request";
    }

    // ---- profile ----

    /**
     * NESTED (default): {@code {"attributes":{…},"id":…}}; option {@code profileView: flat} lifts them up. The id is
     * the username unless {@code idAttribute} names another field (CAS's principal attribute).
     */
    @Override
    public void renderProfile(RoutingContext ctx, ProfileSource source) {
        CasOptions own = options(source.clientOrNull());
        Map<String, Object> attributes = whitelisted(source, attributes(source, own));
        String id = fields(source).textOrEmpty(own.idAttribute());
        JsonObject body = new JsonObject();
        if (own.profileView() == CasOptions.ProfileView.FLAT) {
            attributes.forEach(body::put);
            body.put("id", id);
        } else {
            body.put("attributes", new JsonObject(attributes)).put("id", id);
        }
        if (own.profileServiceKeys()) {
            body.put("client_id", source.token().clientId());
            source.client().flatMap(c -> c.redirectUris().stream().findFirst())
                    .ifPresent(service -> body.put("service", service));
        }
        json(ctx, 200, body);
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

    /** HTTP 401 JSON with CAS's camelCase codes. */
    @Override
    public void renderProfileError(RoutingContext ctx, ProfileFailure failure) {
        String code = switch (failure.kind()) {
            case MISSING -> "missing_accessToken";
            case MALFORMED, INVALID -> "expired_accessToken";
            case UNAVAILABLE -> "temporarily_unavailable";
        };
        json(ctx, failure.kind() == ProfileFailure.Kind.UNAVAILABLE ? 503 : 401, new JsonObject().put("error", code));
    }

    /** The profile endpoint answers JSON whatever the token endpoint's error format. */
    @Override
    public void renderProfileRequestError(RoutingContext ctx, OAuthError error) {
        int status = error.status() >= 500 ? error.status() : 400;
        json(ctx, status, new JsonObject().put("error", casCode(error)));
    }

    // ---- front channel ----

    @Override
    public void putImplicitFields(Map<String, String> params, IssuedTokens tokens, long expiresIn, Client client) {
        params.put("access_token", tokens.accessToken());
        params.put("token_type", "bearer");
        params.put("expires_in", String.valueOf(client.accessTokenTtl()));
    }

    // ---- logout ----

    /** {@code service} (CAS 4+) or {@code url} (CAS 3); followed when {@code followServiceRedirects} (default). */
    @Override
    public List<String> logoutTargetParameters() {
        return options.followServiceRedirects() ? List.of("service", "url") : List.of();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
