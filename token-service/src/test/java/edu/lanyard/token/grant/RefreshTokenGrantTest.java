package edu.lanyard.token.grant;

import com.nimbusds.jwt.JWTClaimsSet;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.event.GrantRevoked;
import edu.lanyard.core.event.TokensIssued;
import edu.lanyard.core.store.RefreshTokens;
import edu.lanyard.core.store.StoreUnavailableException;
import edu.lanyard.core.token.IssueRequest;
import edu.lanyard.core.token.IssuedTokens;
import edu.lanyard.core.token.RefreshTokenRecord;
import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.devkit.Await;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static edu.lanyard.token.grant.GrantBench.assertRefused;
import static edu.lanyard.token.grant.GrantBench.client;
import static edu.lanyard.token.grant.GrantBench.issued;
import static edu.lanyard.token.grant.GrantBench.refused;
import static edu.lanyard.token.grant.GrantBench.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefreshTokenGrantTest {
    private static final String GRANT_ID = "grant-1";
    private static final String SCOPE = "openid profile read";

    private final GrantBench bench = new GrantBench();
    private final Client rotating = client("app", Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
    private final Client keeping = client("app", Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
            GrantBench.ClientSpec::notRotating);
    private final Client other = client("other", Set.of(GrantType.REFRESH_TOKEN));

    {
        bench.users.add("tess", "right");
    }

    private RefreshTokenGrant grantOn(RefreshTokens refreshTokens) {
        return new RefreshTokenGrant(refreshTokens, bench.stores.revocations(), bench.revoker, bench.issuer,
                bench.idTokens, bench.clock);
    }

    private final RefreshTokenGrant grant = grantOn(bench.stores.refreshTokens());

    /** The refresh token of a grant issued as the code grant issues it, an hour into the user's session. */
    private String refreshTokenOf(Client client) {
        IssuedTokens tokens = Await.result(bench.issuer.issue(new IssueRequest(client, GRANT_ID, "authorization_code",
                "sub-tess", "tess", SCOPE, "sid-1", bench.now() - 3600, new TokenFormat.Opaque256(), true, null,
                null, "192.0.2.7")));
        return tokens.refreshToken();
    }

    private static Map<String, String> refresh(String token, String... more) {
        Map<String, String> params = new HashMap<>(Map.of("refresh_token", token));
        for (int i = 0; i < more.length; i += 2) {
            params.put(more[i], more[i + 1]);
        }
        return params;
    }

    private RefreshTokenRecord stored(String token) {
        return Await.result(bench.stores.refreshTokens().find(TokenHash.of(token))).orElseThrow();
    }

    private boolean familyRevoked() {
        return Await.result(bench.stores.revocations().isRevoked(GRANT_ID));
    }

    @Test
    void aRotatingClientGetsANewRefreshTokenAndTheOldOneIsRetired() {
        String old = refreshTokenOf(rotating);

        TokenResponse response = issued(grant, request(rotating, refresh(old)));

        assertNotEquals(old, response.refreshToken());
        assertEquals(SCOPE, response.scope());
        assertTrue(stored(old).rotated(), "kept, marked rotated, so a reuse is recognised");
        assertFalse(stored(response.refreshToken()).rotated());
        assertEquals(GRANT_ID, stored(response.refreshToken()).grantId(), "same family");
        TokensIssued logged = bench.events.published(TokensIssued.class).get(1);
        assertEquals(TokenHash.of(old), logged.rotatedFromHash());
        assertNotEquals(old, issued(grant, request(rotating, refresh(response.refreshToken()))).refreshToken(),
                "the new one refreshes in turn");
    }

    @Test
    void aDisabledUserCannotRefreshEvenIfTheFamilyWasNotRevoked() {
        RefreshTokenGrant checking = new RefreshTokenGrant(bench.stores.refreshTokens(), bench.stores.revocations(),
                bench.revoker, bench.issuer, bench.idTokens, bench.clock, bench.users);
        String token = refreshTokenOf(keeping);
        issued(checking, request(keeping, refresh(token)));

        bench.users.disable("sub-tess");

        assertRefused("invalid_grant", "disabled", refused(checking, request(keeping, refresh(token))));
    }

    @Test
    void aNonRotatingClientKeepsPresentingTheSameRefreshToken() {
        String token = refreshTokenOf(keeping);
        assertEquals(token, issued(grant, request(keeping, refresh(token))).refreshToken());
        assertEquals(token, issued(grant, request(keeping, refresh(token))).refreshToken());
        assertFalse(stored(token).rotated());
        assertEquals(1, bench.stores.refreshTokens().size(), "no second refresh token was minted");
    }

    @Test
    void aRefreshCarriesTheOriginalAuthTimeIntoTheIdToken() {
        String token = refreshTokenOf(rotating);
        long authTime = stored(token).authTime();
        JWTClaimsSet idToken = GrantBench.verifiedIdToken(issued(grant, request(rotating, refresh(token))).idToken());
        assertEquals(authTime, ((Number) idToken.getClaim("auth_time")).longValue());
        assertEquals("sid-1", idToken.getClaim("sid"));
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeFamily() {
        String old = refreshTokenOf(rotating);
        TokenResponse rotated = issued(grant, request(rotating, refresh(old)));
        String next = rotated.refreshToken();

        assertRefused("invalid_grant", "already used", refused(grant, request(rotating, refresh(old))));

        assertTrue(familyRevoked());
        assertEquals("refresh_token_reuse", bench.events.published(GrantRevoked.class).get(0).reason());
        assertRefused("invalid_grant", "revoked", refused(grant, request(rotating, refresh(next))),
                "the thief's or the victim's newer token is dead too");
        assertFalse(bench.active(rotated.accessToken()), "and so is every access token of the family");
    }

    @Test
    void twoRequestsRacingWithOneTokenRevokeTheFamily() {
        String token = refreshTokenOf(rotating);
        Optional<RefreshTokenRecord> readBeforeTheOtherRequestRotatedIt = Optional.of(stored(token));
        Await.result(bench.stores.refreshTokens().markRotated(TokenHash.of(token), rotating.clientId(),
                bench.clock.instant().getEpochSecond()));
        RefreshTokenGrant racing = grantOn(new StaleReads(bench.stores.refreshTokens(),
                readBeforeTheOtherRequestRotatedIt));

        assertRefused("invalid_grant", "already used", refused(racing, request(rotating, refresh(token))));
        assertTrue(familyRevoked());
    }

    @Test
    void aRefreshTokenOfAnotherClientIsRefusedAndLeftAlone() {
        String token = refreshTokenOf(rotating);
        assertRefused("invalid_grant", "another client", refused(grant, request(other, refresh(token))));
        assertFalse(stored(token).rotated());
        assertFalse(familyRevoked());
    }

    @Test
    void aRefreshTokenAtItsExpirySecondIsRefusedAsExpired() {
        String token = refreshTokenOf(rotating);
        bench.clock.advanceSeconds(GrantBench.REFRESH_TTL);
        assertRefused("invalid_grant", "expired", refused(grant, request(rotating, refresh(token))));
    }

    @Test
    void aRefreshTokenPastItsExpiryIsGoneFromTheStore() {
        String token = refreshTokenOf(rotating);
        bench.clock.advanceSeconds(GrantBench.REFRESH_TTL + 1);
        assertRefused("invalid_grant", "invalid or expired", refused(grant, request(rotating, refresh(token))));
    }

    @Test
    void anUnknownRefreshTokenIsRefused() {
        assertRefused("invalid_grant", "invalid or expired", refused(grant, request(rotating, refresh("made-up"))));
    }

    @Test
    void aRefreshTokenOfARevokedFamilyIsRefused() {
        String token = refreshTokenOf(rotating);
        Await.result(bench.stores.revocations().revoke(GRANT_ID, "logout", 3600));
        assertRefused("invalid_grant", "revoked", refused(grant, request(rotating, refresh(token))));
        assertFalse(stored(token).rotated());
    }

    @Test
    void aNarrowerScopeNarrowsTheAccessTokenButNotTheGrant() {
        String token = refreshTokenOf(rotating);
        TokenResponse narrowed = issued(grant, request(rotating, refresh(token, "scope", "read")));
        assertEquals("read", narrowed.scope());
        assertEquals(SCOPE, stored(narrowed.refreshToken()).scope(), "the new refresh token keeps the whole grant");
        assertEquals(SCOPE, issued(grant, request(rotating, refresh(narrowed.refreshToken()))).scope());
    }

    @Test
    void aWiderScopeIsRefusedAndTheTokenStaysRedeemable() {
        String token = refreshTokenOf(rotating);
        assertRefused("invalid_scope", "write", refused(grant, request(rotating, refresh(token, "scope", "read write"))));
        assertFalse(stored(token).rotated());
    }

    @Test
    void whenTheEventLogIsDownNothingIsIssuedAndTheTokenStaysRedeemable() {
        String token = refreshTokenOf(rotating);
        bench.events.goDown();

        assertRefused("temporarily_unavailable", "cannot record", refused(grant, request(rotating, refresh(token))));
        assertFalse(stored(token).rotated(), "the rotation was undone");
        assertEquals(1, bench.stores.refreshTokens().size(), "no new refresh token was left behind");
        assertEquals(1, bench.stores.accessTokens().size(), "no new access token either");

        bench.events.comeBack();
        assertTrue(issued(grant, request(rotating, refresh(token))).accessToken() != null);
    }

    @Test
    void whenTheRefreshStoreDoesNotAnswerTheFailureSaysSo() {
        String token = refreshTokenOf(rotating);
        bench.stores.refreshTokens().goDown();
        assertInstanceOf(StoreUnavailableException.class,
                Await.failure(GrantBench.run(grant, request(rotating, refresh(token)))));
    }

    @Test
    void aMissingRefreshTokenIsAnInvalidRequest() {
        assertRefused("invalid_request", "refresh_token", refused(grant, request(rotating, Map.of())));
    }

    /** A store whose reads answer what another request saw before it rotated the token: the race, made certain. */
    private record StaleReads(RefreshTokens store, Optional<RefreshTokenRecord> staleRead) implements RefreshTokens {
        @Override
        public Future<Void> save(String hash, RefreshTokenRecord token) {
            return store.save(hash, token);
        }

        @Override
        public Future<Optional<RefreshTokenRecord>> find(String hash) {
            return Future.succeededFuture(staleRead);
        }

        @Override
        public Future<Optional<RefreshTokenRecord>> markRotated(String hash, String clientId, long now) {
            return store.markRotated(hash, clientId, now);
        }

        @Override
        public Future<Optional<RefreshTokenRecord>> unmarkRotated(String hash) {
            return store.unmarkRotated(hash);
        }

        @Override
        public Future<Optional<RefreshTokenRecord>> remove(String hash) {
            return store.remove(hash);
        }
    }
}
