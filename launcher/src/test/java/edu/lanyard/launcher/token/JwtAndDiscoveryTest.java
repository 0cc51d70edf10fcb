package edu.lanyard.launcher.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static edu.lanyard.launcher.token.ClientCredentials.JWT_APP;
import static edu.lanyard.launcher.token.OAuthAssertions.assertTokenResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 9068 JWT access tokens verified as a resource server verifies them (the JWKS from {@code /oauth2/jwks}
 * and nimbus-jose-jwt), and the discovery documents read by nimbus oauth2-oidc-sdk.
 */
class JwtAndDiscoveryTest {
    private static final List<String> WELL_KNOWN = List.of("/.well-known/openid-configuration",
            "/.well-known/oauth-authorization-server");

    private static final LanyardTestServer server = LanyardTestServer.sharedTokens();
    private static final OAuthEndpoints oauth = new OAuthEndpoints(server);

    /** A resource server's check of an RFC 9068 token: typ at+jwt, signature by a JWKS key, iss/aud/exp. */
    private static JWTClaimsSet verifyAccessToken(String jwt, String audience) throws Exception {
        JWKSet jwks = JWKSet.load(new URL(server.baseUrl() + "/oauth2/jwks"));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256,
                JWSAlgorithm.EdDSA), new ImmutableJWKSet<>(jwks)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(server.baseUrl()).build(),
                Set.of("sub", "exp", "iat", "jti", "client_id")));
        return processor.process(jwt, null);
    }

    @Test
    void clientCredentialsJwtVerifiesWithTheJwks() throws Exception {
        JsonObject body = assertTokenResponse(oauth.token(JWT_APP, "grant_type", "client_credentials",
                "scope", "reports.read"));
        String jwt = body.getString("access_token");
        JWTClaimsSet claims = verifyAccessToken(jwt, "jwt-app");
        assertEquals(server.baseUrl(), claims.getIssuer());
        assertEquals("jwt-app", claims.getSubject(), "RFC 9068 §2.2: sub is the client without a user");
        assertEquals("jwt-app", claims.getStringClaim("client_id"));
        assertEquals("reports.read", claims.getStringClaim("scope"));
        assertTrue(claims.getExpirationTime().after(new Date()));
        assertEquals(body.getLong("expires_in"),
                (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000, 1.0);
        assertTrue(oauth.active(jwt));
    }

    @Test
    void userJwtCarriesTheUsersSubjectAndFollowsRefresh() throws Exception {
        JsonObject body = oauth.passwordGrant(JWT_APP, "tess", "tess-pass", "openid profile");
        JWTClaimsSet claims = verifyAccessToken(body.getString("access_token"), "jwt-app");
        JsonObject introspection = oauth.introspect(JWT_APP, body.getString("access_token")).json();
        assertEquals(introspection.getString("sub"), claims.getSubject());
        assertEquals("openid profile", claims.getStringClaim("scope"));
        assertEquals(introspection.getLong("exp"), claims.getExpirationTime().getTime() / 1000);

        JsonObject refreshed = assertTokenResponse(oauth.token(JWT_APP, "grant_type", "refresh_token",
                "refresh_token", body.getString("refresh_token"), "scope", "profile"));
        JWTClaimsSet next = verifyAccessToken(refreshed.getString("access_token"), "jwt-app");
        assertEquals("profile", next.getStringClaim("scope"));
        assertNotEquals(claims.getJWTID(), next.getJWTID());
    }

    @Test
    void revokedJwtIsInactiveAndATamperedOneFailsVerification() throws Exception {
        String jwt = oauth.clientCredentialsToken(JWT_APP, "reports.read");
        String[] parts = jwt.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThrows(BadJOSEException.class, () -> verifyAccessToken(tampered, "jwt-app"));
        assertFalse(oauth.active(tampered));
        assertEquals(200, oauth.revoke(JWT_APP, jwt).status());
        assertFalse(oauth.active(jwt));
    }

    @Test
    void jwksPublishesOnlyPublicSigningKeys() throws Exception {
        Http.Reply reply = Http.get(server.baseUrl() + "/oauth2/jwks", null);
        assertEquals(200, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type"));
        JWKSet jwks = JWKSet.parse(reply.body());
        assertFalse(jwks.getKeys().isEmpty());
        Set<String> kids = new HashSet<>();
        for (JWK key : jwks.getKeys()) {
            assertFalse(key.isPrivate(), "private key material in the JWKS: " + key.getKeyID());
            assertNotNull(key.getKeyID());
            assertTrue(kids.add(key.getKeyID()), "duplicate kid " + key.getKeyID());
        }
    }

    @Test
    void discoveryDocumentsParseWithTheNimbusSdk() throws Exception {
        for (String path : WELL_KNOWN) {
            Http.Reply reply = Http.get(server.baseUrl() + path, null);
            assertEquals(200, reply.status(), path);
            assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type"));
            OIDCProviderMetadata oidc = OIDCProviderMetadata.parse(reply.body());
            AuthorizationServerMetadata as = AuthorizationServerMetadata.parse(reply.body());
            assertEquals(server.baseUrl(), oidc.getIssuer().getValue(), "RFC 8414 §3.3 / OIDC Discovery §4.3");
            assertEquals(server.baseUrl(), as.getIssuer().getValue());
            assertTrue(as.getGrantTypes().containsAll(List.of(GrantType.AUTHORIZATION_CODE,
                    GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN)));
            assertTrue(as.getTokenEndpointAuthMethods().containsAll(List.of(
                    ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST)));
            assertTrue(as.getCodeChallengeMethods().contains(CodeChallengeMethod.S256));
            assertNotNull(as.getIntrospectionEndpointURI());
            assertNotNull(as.getRevocationEndpointURI());
            JWKSet jwks = JWKSet.load(oidc.getJWKSetURI().toURL());
            assertFalse(jwks.getKeys().isEmpty());
        }
    }

    @Test
    void everyUrlInTheDiscoveryDocumentsAnswers() {
        for (String path : WELL_KNOWN) {
            JsonObject document = Http.get(server.baseUrl() + path, null).json();
            for (String field : document.fieldNames()) {
                Object value = document.getValue(field);
                if (value instanceof String url && (url.startsWith("http://") || url.startsWith("https://"))
                        && !field.equals("issuer") && !field.equals("access_token_issuer")) {
                    URI uri = URI.create(url);
                    assertEquals(URI.create(server.baseUrl()).getAuthority(), uri.getAuthority(), field);
                    Http.Reply reply = Http.get(url, null);
                    assertNotEquals(404, reply.status(), field + " " + url + " is not served");
                    assertTrue(reply.status() < 500, field + " " + url + " answered " + reply.status());
                }
            }
        }
    }

    @Test
    void idTokenVerifiesWithTheJwksToo() throws Exception {
        JsonObject body = oauth.passwordGrant(JWT_APP, "tess", "tess-pass", "openid");
        JWKSet jwks = JWKSet.load(new URL(server.baseUrl() + "/oauth2/jwks"));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("jwt-app",
                new JWTClaimsSet.Builder().issuer(server.baseUrl()).build(), Set.of("sub", "exp", "iat")));
        JWTClaimsSet claims = processor.process(body.getString("id_token"), null);
        assertTrue(claims.getIssueTime().toInstant().isBefore(Instant.now().plusSeconds(5)));
    }
}
