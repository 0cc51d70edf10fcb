package edu.lanyard.dialects.cas;

import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.dialects.ProfileFailure;
import edu.lanyard.dialects.ProfileSource;
import edu.lanyard.dialects.TokenResult;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** CAS's wire shapes: token responses, token-endpoint errors (text or JSON), the profile and its errors. */
final class CasRenderer {
    private final CasOptions mount;

    CasRenderer(CasOptions mount) {
        this.mount = mount;
    }

    /**
     * {@code expires_in} is the configured maximum lifetime, not the time left. A refresh answers only the new
     * access token. Option {@code tokenResponseFormat: text} gives CAS 5.x's {@code jsonFormat=false} body.
     */
    void token(RoutingContext ctx, TokenResult result, CasOptions own) {
        TokenResponse r = result.response();
        long expiresIn = result.client() != null ? result.client().accessTokenTtl() : r.expiresIn();
        String refresh = result.refresh() ? null : r.refreshToken();
        Responses.noStore(ctx);
        if (own.tokenResponseFormat() == CasOptions.TokenResponseFormat.TEXT) {
            StringBuilder text = new StringBuilder("access_token=").append(encode(r.accessToken()))
                    .append("&expires_in=").append(expiresIn);
            if (refresh != null) {
                text.append("&refresh_token=").append(encode(refresh));
            }
            Responses.text(ctx, 200, "text/plain;charset=UTF-8", text.toString());
            return;
        }
        boolean cas5 = own.tokenKeyOrder() == CasOptions.TokenKeyOrder.CAS5;
        JsonObject body = new JsonObject().put("access_token", r.accessToken());
        if (refresh != null && !cas5) {
            body.put("refresh_token", refresh);
        }
        body.put("token_type", "bearer").put("expires_in", expiresIn);
        if (refresh != null && cas5) {
            body.put("refresh_token", refresh);
        }
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
    void error(RoutingContext ctx, OAuthError error) {
        String code = casCode(error);
        int status = error.status() >= 500 || error.throttled() ? error.status() : 400;
        Responses.noStore(ctx);
        if (mount.errorFormat() == CasOptions.ErrorFormat.JSON) {
            Responses.json(ctx, status, new JsonObject().put("error", code));
        } else {
            Responses.text(ctx, status, "text/plain;charset=UTF-8", "error=" + code);
        }
    }

    /**
     * NESTED (default): {@code {"attributes":{…},"id":…}}; option {@code profileView: flat} lifts them up. Option
     * {@code profileServiceKeys} adds the client and its first service.
     */
    void profile(RoutingContext ctx, ProfileSource source, Map<String, Object> attributes, String id,
                 CasOptions own) {
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

    /** HTTP 401 JSON with CAS's camelCase codes. */
    void profileError(RoutingContext ctx, ProfileFailure failure) {
        String code = switch (failure.kind()) {
            case MISSING -> "missing_accessToken";
            case MALFORMED, INVALID -> "expired_accessToken";
            case UNAVAILABLE -> "temporarily_unavailable";
        };
        json(ctx, failure.kind() == ProfileFailure.Kind.UNAVAILABLE ? 503 : 401, new JsonObject().put("error", code));
    }

    /** The profile endpoint answers JSON whatever the token endpoint's error format. */
    void profileRequestError(RoutingContext ctx, OAuthError error) {
        int status = error.status() >= 500 ? error.status() : 400;
        json(ctx, status, new JsonObject().put("error", casCode(error)));
    }

    /**
     * CAS answered a wrong client secret (and an unknown client) as {@code invalid_grant}, like a bad code: its
     * client check ran inside the grant's verification. A request without any client id is refused earlier as
     * {@code invalid_request} ({@link CasDialect#credentials}).
     */
    private static String casCode(OAuthError error) {
        if (error.status() >= 500 || error.throttled()) {
            return error.error();
        }
        return "invalid_grant".equals(error.error()) || "invalid_client".equals(error.error())
                ? "invalid_grant" : "invalid_request";
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        Responses.noStore(ctx);
        Responses.json(ctx, status, body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
