package edu.lanyard.dialects.maxkey;

import edu.lanyard.core.token.ActiveToken;
import edu.lanyard.dialects.ProfileFields;
import edu.lanyard.dialects.ProfileSource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The JSON shapes of MaxKey's introspect, check_token, OIDC userinfo, discovery and logout (docs C.5). */
public final class MaxKeyWire {
    private MaxKeyWire() {
    }

    /**
     * IntrospectEndpoint's {@code Introspection} as Gson wrote it: token, active, sub; Gson leaves a null sub out, so
     * an inactive token is {@code {"token":…,"active":false}}. sub is the username, or the client for a
     * client_credentials token.
     */
    public static JsonObject introspection(String token, Optional<ActiveToken> active) {
        JsonObject body = new JsonObject().put("token", token).put("active", active.isPresent());
        active.ifPresent(t -> body.put("sub", t.username() != null ? t.username() : t.clientId()));
        return body;
    }

    /**
     * Spring Security OAuth's CheckTokenEndpoint (DefaultAccessTokenConverter): user_name for a user's token, scope
     * as an array, exp in seconds, client_id, then active=true.
     */
    public static JsonObject checkToken(ActiveToken t) {
        JsonObject body = new JsonObject();
        if (t.username() != null) {
            body.put("user_name", t.username());
        }
        body.put("scope", new JsonArray(scopes(t.scope()).stream().toList()));
        body.put("exp", t.expiresAt());
        body.put("client_id", t.clientId());
        body.put("active", true);
        return body;
    }

    /** Spring's answer for a token it does not know (or that expired): HTTP 400 invalid_token. */
    public static JsonObject checkTokenUnknown() {
        return new JsonObject().put("error", "invalid_token").put("error_description", "Token was not recognised");
    }

    /** UserInfoOIDCEndpoint's claims for the token's scopes. */
    public static Map<String, Object> oidcClaims(ProfileSource source, ProfileFields f, String onlineTicket) {
        Set<String> scopes = scopes(source.token().scope());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sub", source.token().subject());
        c.put("institution", f.textOrEmpty("institution"));
        c.put("online_ticket", onlineTicket);
        if (scopes.contains("profile")) {
            c.put("userId", f.textOrEmpty("userId"));
            c.put("user", f.textOrEmpty("user"));
            c.put("name", f.textOrEmpty("name"));
            c.put("preferred_username", f.textOrEmpty("username"));
            c.put("given_name", f.textOrEmpty("given_name"));
            c.put("family_name", f.textOrEmpty("family_name"));
            c.put("middle_name", f.textOrEmpty("middle_name"));
            c.put("nickname", f.textOrEmpty("nickname"));
            c.put("displayName", f.textOrEmpty("displayName"));
            c.put("departmentId", f.textOrEmpty("departmentId"));
            c.put("department", f.textOrEmpty("department"));
            c.put("gender", gender(f.text("gender")));
            c.put("zoneinfo", f.textOrEmpty("zoneinfo"));
            c.put("locale", f.textOrEmpty("locale"));
            c.put("updated_time", f.textOrEmpty("updated_time"));
            c.put("birthdate", f.textOrEmpty("birthdate"));
        }
        if (scopes.contains("email")) {
            c.put("email", f.textOrEmpty("email"));
            c.put("email_verified", false);
        }
        if (scopes.contains("phone")) {
            c.put("phone_number", f.textOrEmpty("phone"));
            c.put("phone_number_verified", false);
        }
        if (scopes.contains("address")) {
            c.put("address", f.textOrEmpty("address"));
        }
        return c;
    }

    /** MaxKey's OIDC userinfo spells the gender out, unlike {@code /me}'s integer. */
    static String gender(String value) {
        return switch (MaxKeyDialect.gender(value)) {
            case 1 -> "male";
            case 2 -> "female";
            default -> "unknown";
        };
    }

    /** Spring's {@code Message}: the front end's logout answer. */
    public static JsonObject loggedOut() {
        return new JsonObject().put("code", 0).put("message", "success");
    }

    static Set<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(scope.trim().split("\\s+")).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** The OpenID Provider metadata pointing at the mount's own endpoints. */
    public static JsonObject discovery(String issuer, String mountBase) {
        String oauth = mountBase + "/authz/oauth/v20";
        return new JsonObject()
                .put("issuer", issuer)
                .put("authorization_endpoint", oauth + "/authorize")
                .put("token_endpoint", oauth + "/token")
                .put("userinfo_endpoint", mountBase + "/api/connect/v10/userinfo")
                .put("jwks_uri", oauth + "/jwks")
                .put("introspection_endpoint", oauth + "/introspect")
                .put("end_session_endpoint", mountBase + "/force/logout")
                .put("response_types_supported", new JsonArray(List.of("code", "token")))
                .put("grant_types_supported", new JsonArray(List.of("authorization_code", "password",
                        "client_credentials", "refresh_token", "implicit")))
                .put("subject_types_supported", new JsonArray(List.of("public")))
                .put("id_token_signing_alg_values_supported", new JsonArray(List.of("RS256", "ES256", "EdDSA")))
                .put("userinfo_signing_alg_values_supported", new JsonArray(List.of("RS256", "ES256", "EdDSA")))
                .put("scopes_supported", new JsonArray(List.of("openid", "profile", "email", "phone", "address")))
                .put("token_endpoint_auth_methods_supported", new JsonArray(List.of("client_secret_basic",
                        "client_secret_post")))
                .put("code_challenge_methods_supported", new JsonArray(List.of("plain", "S256")))
                .put("claims_supported", new JsonArray(List.of("sub", "iss", "aud", "exp", "iat", "nonce",
                        "institution", "online_ticket", "userId", "user", "name", "preferred_username",
                        "given_name", "family_name", "middle_name", "nickname", "displayName", "departmentId",
                        "department", "gender", "zoneinfo", "locale", "updated_time", "birthdate", "email",
                        "email_verified", "phone_number", "phone_number_verified", "address")));
    }
}
