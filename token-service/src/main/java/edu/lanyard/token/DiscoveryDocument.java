package edu.lanyard.token;

import edu.lanyard.core.oidc.StandardClaims;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * OpenID Provider metadata (OIDC Discovery 1.0 §3) and RFC 8414 authorization server metadata: one document, since
 * every field RFC 8414 defines is also valid in the OIDC one. It lists only what Lanyard really serves.
 */
public final class DiscoveryDocument {
    private DiscoveryDocument() {
    }

    public static JsonObject of(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return new JsonObject()
                .put("issuer", issuer)
                .put("authorization_endpoint", base + "/oauth2/authorize")
                .put("token_endpoint", base + "/oauth2/token")
                .put("userinfo_endpoint", base + "/oauth2/userinfo")
                .put("jwks_uri", base + "/oauth2/jwks")
                .put("introspection_endpoint", base + "/oauth2/introspect")
                .put("revocation_endpoint", base + "/oauth2/revoke")
                .put("end_session_endpoint", base + "/oauth2/logout")
                .put("scopes_supported", array("openid", "profile", "email", "address", "phone", "offline_access"))
                .put("response_types_supported", array("code", "token", "id_token", "code id_token",
                        "id_token token", "code token", "code id_token token"))
                .put("response_modes_supported", array("query", "fragment", "form_post"))
                .put("grant_types_supported", array("authorization_code", "implicit", "client_credentials",
                        "password", "refresh_token"))
                .put("subject_types_supported", array("public"))
                .put("id_token_signing_alg_values_supported", array("RS256", "ES256", "EdDSA"))
                .put("userinfo_signing_alg_values_supported", array("none"))
                .put("token_endpoint_auth_methods_supported", array("client_secret_basic", "client_secret_post",
                        "none"))
                .put("introspection_endpoint_auth_methods_supported", array("client_secret_basic",
                        "client_secret_post"))
                .put("revocation_endpoint_auth_methods_supported", array("client_secret_basic",
                        "client_secret_post", "none"))
                .put("code_challenge_methods_supported", array("S256", "plain"))
                .put("prompt_values_supported", array("none", "login", "consent"))
                .put("claims_supported", claimsSupported())
                .put("claims_parameter_supported", true)
                .put("request_parameter_supported", false)
                .put("request_uri_parameter_supported", false)
                .put("require_request_uri_registration", false)
                .put("ui_locales_supported", array("zh-CN", "en"))
                .put("access_token_issuer", issuer);
    }

    /** The id_token's own claims, then every standard claim userinfo and the id_token can release. */
    private static JsonArray claimsSupported() {
        JsonArray claims = array("iss", "aud", "exp", "iat", "auth_time", "nonce", "at_hash", "c_hash", "sid");
        StandardClaims.SUPPORTED.forEach(claims::add);
        return claims;
    }

    private static JsonArray array(String... values) {
        JsonArray array = new JsonArray();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
