package edu.lanyard.core.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A registered OAuth client (an application). Loaded from Postgres, cached in every node.
 *
 * @param secretHash         encoded secret hash (see {@code ClientSecretHasher}); null for a public client
 * @param accessTokenTtl     seconds
 * @param refreshTokenTtl    seconds
 * @param codeTtl            seconds an authorization code stays redeemable
 * @param rotateRefreshTokens whether a refresh mints a new refresh token and retires the old one
 * @param idTokenAlg         JWS algorithm for id_tokens: RS256 (default), ES256 or EdDSA
 * @param dialect            the product dialect this client was imported for ({@code standard} by default)
 * @param options            per-client dialect switches (docs/products.md, docs/migrating.md); free-form, read by dialect classes
 * @param resourceServer     may introspect every client's tokens (an API that checks the tokens apps send it);
 *                           any other client learns only about the tokens issued to itself
 * @param disabled           an operator switched it off: it cannot authenticate, start a sign-in or introspect, but
 *                           tokens it already holds keep working until they expire or are revoked
 */
public record Client(
        String clientId,
        String name,
        String secretHash,
        List<String> redirectUris,
        RedirectUriMatch redirectUriMatch,
        Set<GrantType> grantTypes,
        List<String> scopes,
        long accessTokenTtl,
        long refreshTokenTtl,
        long codeTtl,
        AccessTokenFormat accessTokenFormat,
        boolean rotateRefreshTokens,
        boolean requireConsent,
        String idTokenAlg,
        List<String> postLogoutRedirectUris,
        String dialect,
        Map<String, Object> options,
        boolean resourceServer,
        boolean disabled) {

    public Client {
        redirectUris = List.copyOf(redirectUris);
        grantTypes = Set.copyOf(grantTypes);
        scopes = List.copyOf(scopes);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        options = Map.copyOf(options);
    }

    /** An enabled client. */
    public Client(String clientId, String name, String secretHash, List<String> redirectUris,
                  RedirectUriMatch redirectUriMatch, Set<GrantType> grantTypes, List<String> scopes,
                  long accessTokenTtl, long refreshTokenTtl, long codeTtl, AccessTokenFormat accessTokenFormat,
                  boolean rotateRefreshTokens, boolean requireConsent, String idTokenAlg,
                  List<String> postLogoutRedirectUris, String dialect, Map<String, Object> options,
                  boolean resourceServer) {
        this(clientId, name, secretHash, redirectUris, redirectUriMatch, grantTypes, scopes, accessTokenTtl,
                refreshTokenTtl, codeTtl, accessTokenFormat, rotateRefreshTokens, requireConsent, idTokenAlg,
                postLogoutRedirectUris, dialect, options, resourceServer, false);
    }

    /** An enabled client that is no resource server. */
    public Client(String clientId, String name, String secretHash, List<String> redirectUris,
                  RedirectUriMatch redirectUriMatch, Set<GrantType> grantTypes, List<String> scopes,
                  long accessTokenTtl, long refreshTokenTtl, long codeTtl, AccessTokenFormat accessTokenFormat,
                  boolean rotateRefreshTokens, boolean requireConsent, String idTokenAlg,
                  List<String> postLogoutRedirectUris, String dialect, Map<String, Object> options) {
        this(clientId, name, secretHash, redirectUris, redirectUriMatch, grantTypes, scopes, accessTokenTtl,
                refreshTokenTtl, codeTtl, accessTokenFormat, rotateRefreshTokens, requireConsent, idTokenAlg,
                postLogoutRedirectUris, dialect, options, false);
    }

    /** The same client, disabled or enabled. */
    public Client withDisabled(boolean disabled) {
        return new Client(clientId, name, secretHash, redirectUris, redirectUriMatch, grantTypes, scopes,
                accessTokenTtl, refreshTokenTtl, codeTtl, accessTokenFormat, rotateRefreshTokens, requireConsent,
                idTokenAlg, postLogoutRedirectUris, dialect, options, resourceServer, disabled);
    }

    /** The same client with another secret hash. */
    public Client withSecretHash(String secretHash) {
        return new Client(clientId, name, secretHash, redirectUris, redirectUriMatch, grantTypes, scopes,
                accessTokenTtl, refreshTokenTtl, codeTtl, accessTokenFormat, rotateRefreshTokens, requireConsent,
                idTokenAlg, postLogoutRedirectUris, dialect, options, resourceServer, disabled);
    }

    public boolean isPublic() {
        return secretHash == null;
    }

    public boolean allows(GrantType grantType) {
        return grantTypes.contains(grantType);
    }

    public boolean acceptsRedirectUri(String requested) {
        return requested != null && redirectUris.stream().anyMatch(r -> redirectUriMatch.matches(r, requested));
    }

    public Optional<Object> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
