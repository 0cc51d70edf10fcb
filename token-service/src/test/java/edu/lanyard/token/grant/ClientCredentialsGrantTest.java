package edu.lanyard.token.grant;

import com.nimbusds.jwt.JWTClaimsSet;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.event.TokensIssued;
import edu.lanyard.core.token.AccessTokenRecord;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.devkit.Await;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static edu.lanyard.token.grant.GrantBench.assertRefused;
import static edu.lanyard.token.grant.GrantBench.client;
import static edu.lanyard.token.grant.GrantBench.issued;
import static edu.lanyard.token.grant.GrantBench.refused;
import static edu.lanyard.token.grant.GrantBench.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientCredentialsGrantTest {
    private final GrantBench bench = new GrantBench();
    private final ClientCredentialsGrant grant = new ClientCredentialsGrant(bench.issuer, bench.clock);
    private final Client service = client("service", Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.REFRESH_TOKEN));

    @Test
    void aConfidentialClientGetsAnAccessTokenForItself() {
        TokenResponse response = issued(grant, request(service, Map.of("scope", "read")));

        assertEquals("read", response.scope());
        assertEquals(GrantBench.ACCESS_TTL, response.expiresIn());
        assertEquals("client_credentials", response.grantType());
        assertNull(response.refreshToken(), "never a refresh token (RFC 6749 §4.4.3), even if the client may refresh");
        assertNull(response.idToken(), "no user, no id_token");
        AccessTokenRecord stored = Await.result(bench.stores.accessTokens().find(
                TokenHash.of(response.accessToken()))).orElseThrow();
        assertNull(stored.subject());
        assertEquals(bench.now() + GrantBench.ACCESS_TTL, stored.expiresAt());
        assertEquals(1, bench.events.published(TokensIssued.class).size());
    }

    @Test
    void withoutAScopeTheClientGetsAllItsScopes() {
        assertEquals(String.join(" ", GrantBench.CLIENT_SCOPES), issued(grant, request(service, Map.of())).scope());
    }

    @Test
    void aScopeOutsideTheClientsIsRefused() {
        assertRefused("invalid_scope", "admin", refused(grant, request(service, Map.of("scope", "read admin"))));
        assertEquals(0, bench.stores.accessTokens().size());
    }

    @Test
    void aPublicClientIsUnauthorized() {
        Client browserApp = client("spa", Set.of(GrantType.CLIENT_CREDENTIALS), GrantBench.ClientSpec::asPublic);
        assertRefused("unauthorized_client", "public clients", refused(grant, request(browserApp, Map.of())));
        assertTrue(bench.events.published().isEmpty());
    }

    @Test
    void aJwtClientGetsASignedAccessTokenNamingItself() {
        Client jwtService = client("jwt-service", Set.of(GrantType.CLIENT_CREDENTIALS),
                GrantBench.ClientSpec::jwtAccessTokens);
        TokenResponse response = issued(grant, request(jwtService, Map.of("scope", "read")));
        JWTClaimsSet claims = GrantBench.verifiedJwt(response.accessToken());
        assertEquals("jwt-service", claims.getClaim("client_id"));
        assertEquals("jwt-service", claims.getSubject(), "no user: the client is the subject");
        assertEquals("read", claims.getClaim("scope"));
        assertTrue(Await.result(bench.stores.accessTokens().find(TokenHash.of(response.accessToken()))).isPresent(),
                "stored by hash like an opaque token, so it can be revoked");
    }

    @Test
    void whenTheEventLogIsDownNoTokenIsLeftInTheStore() {
        bench.events.goDown();
        assertRefused("temporarily_unavailable", "cannot record", refused(grant, request(service, Map.of())));
        assertEquals(0, bench.stores.accessTokens().size());
    }

    @Test
    void whenTheTokenStoreIsDownTheClientIsToldToRetry() {
        bench.stores.accessTokens().goDown();
        assertRefused("temporarily_unavailable", "token store", refused(grant, request(service, Map.of())));
    }
}
