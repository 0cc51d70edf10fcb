package edu.lanyard.projection.admin;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Locale;

/** How the operator API shows a client: everything but its secret, of which not even the hash leaves. */
final class ClientViews {
    private ClientViews() {
    }

    static boolean matches(Client client, String query) {
        if (query == null) {
            return true;
        }
        String wanted = query.toLowerCase(Locale.ROOT);
        return client.clientId().toLowerCase(Locale.ROOT).contains(wanted)
                || (client.name() != null && client.name().toLowerCase(Locale.ROOT).contains(wanted));
    }

    static JsonObject summary(Client client) {
        return new JsonObject().put("client_id", client.clientId()).put("name", client.name())
                .put("public", client.isPublic())
                .put("disabled", client.disabled())
                .put("redirect_uris", new JsonArray(client.redirectUris()))
                .put("redirect_uri_match", client.redirectUriMatch().name().toLowerCase(Locale.ROOT))
                .put("grant_types", new JsonArray(client.grantTypes().stream().map(GrantType::wireName).sorted().toList()))
                .put("scopes", new JsonArray(client.scopes()))
                .put("access_token_ttl", client.accessTokenTtl())
                .put("refresh_token_ttl", client.refreshTokenTtl())
                .put("dialect", client.dialect());
    }

    /** Every setting, in the import file's keys, so the console's form can be filled and sent back as is. */
    static JsonObject detail(Client client) {
        return summary(client).put("code_ttl", client.codeTtl())
                .put("access_token_format", client.accessTokenFormat().name().toLowerCase(Locale.ROOT))
                .put("rotate_refresh_tokens", client.rotateRefreshTokens())
                .put("require_consent", client.requireConsent())
                .put("id_token_signed_response_alg", client.idTokenAlg())
                .put("post_logout_redirect_uris", new JsonArray(client.postLogoutRedirectUris()))
                .put("options", new JsonObject(new java.util.LinkedHashMap<>(client.options())))
                .put("resource_server", client.resourceServer());
    }
}
