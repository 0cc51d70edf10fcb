package edu.lanyard.token.grant;

import com.nimbusds.jwt.JWTClaimsSet;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.event.GrantRevoked;
import edu.lanyard.core.event.TokensIssued;
import edu.lanyard.core.store.AuthorizationCodes.Redemption;
import edu.lanyard.core.store.StoreUnavailableException;
import edu.lanyard.core.token.AuthorizationCodeRecord;
import edu.lanyard.core.token.Pkce;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.devkit.Await;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static edu.lanyard.token.grant.GrantBench.REDIRECT_URI;
import static edu.lanyard.token.grant.GrantBench.assertRefused;
import static edu.lanyard.token.grant.GrantBench.client;
import static edu.lanyard.token.grant.GrantBench.issued;
import static edu.lanyard.token.grant.GrantBench.refused;
import static edu.lanyard.token.grant.GrantBench.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthorizationCodeGrantTest {
    private static final String CODE = "the-code";
    private static final String VERIFIER = "dBjftJeZ4CVP-mJ92K9qnYDFbX8DxN0jbyE3r0Vj6Y4zz";

    private final GrantBench bench = new GrantBench();
    private final AuthorizationCodeGrant grant = new AuthorizationCodeGrant(bench.stores.codes(), bench.revoker,
            bench.issuer, bench.idTokens, bench.clock);
    private final Client app = client("app", Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
    private final Client other = client("other", Set.of(GrantType.AUTHORIZATION_CODE));

    {
        bench.users.add("tess", "right");
    }

    private AuthorizationCodeRecord codeFor(Client client, String scope, String redirectUri, String challenge,
                                            String method) {
        long now = bench.now();
        return new AuthorizationCodeRecord("grant-1", client.clientId(), "sub-tess", "tess", scope, redirectUri,
                challenge, method, "nonce-1", "sid-1", now - 5, now, now + 60);
    }

    private AuthorizationCodeRecord issuedCode(AuthorizationCodeRecord code) {
        Await.result(bench.stores.codes().save(TokenHash.of(CODE), code));
        return code;
    }

    private AuthorizationCodeRecord issuedCode() {
        return issuedCode(codeFor(app, "openid profile", REDIRECT_URI, null, null));
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> params = new HashMap<>(Map.of("code", CODE, "redirect_uri", REDIRECT_URI));
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    private boolean codeStillRedeemableBy(Client client) {
        return Await.result(bench.stores.codes().takeIssuedTo(TokenHash.of(CODE), client.clientId()))
                instanceof Redemption.Taken;
    }

    @Test
    void aValidCodeRedeemsForAccessRefreshAndIdTokens() {
        AuthorizationCodeRecord code = issuedCode();

        TokenResponse response = issued(grant, request(app, params()));

        assertNotNull(response.accessToken());
        assertNotNull(response.refreshToken(), "the client may refresh");
        assertEquals("openid profile", response.scope());
        assertEquals(GrantBench.ACCESS_TTL, response.expiresIn());
        assertEquals("authorization_code", response.grantType());
        JWTClaimsSet idToken = GrantBench.verifiedIdToken(response.idToken());
        assertEquals("sub-tess", idToken.getSubject());
        assertEquals(List.of("app"), idToken.getAudience());
        assertEquals("nonce-1", idToken.getClaim("nonce"));
        assertEquals("sid-1", idToken.getClaim("sid"));
        assertEquals(code.authTime(), ((Number) idToken.getClaim("auth_time")).longValue());

        assertEquals(code.grantId(), Await.result(bench.stores.accessTokens().find(TokenHash.of(
                response.accessToken()))).orElseThrow().grantId(), "the access token joins the code's family");
        assertTrue(Await.result(bench.stores.refreshTokens().find(TokenHash.of(response.refreshToken()))).isPresent());
        TokensIssued logged = bench.events.published(TokensIssued.class).get(0);
        assertEquals(TokenHash.of(CODE), logged.codeHash(), "the log names the code it redeemed");
        assertFalse(codeStillRedeemableBy(app), "the code is used up");
        assertEquals("app", Await.result(bench.stores.codes().redeemed(TokenHash.of(CODE))).orElseThrow()
                .clientId(), "and remembered for replay detection");
    }

    @Test
    void aClientThatMayNotRefreshGetsNoRefreshToken() {
        Client noRefresh = client("app", Set.of(GrantType.AUTHORIZATION_CODE));
        issuedCode();
        TokenResponse response = issued(grant, request(noRefresh, params()));
        assertNull(response.refreshToken());
        assertEquals(0, bench.stores.refreshTokens().size());
    }

    @Test
    void withoutOpenidThereIsNoIdToken() {
        issuedCode(codeFor(app, "read", REDIRECT_URI, null, null));
        assertNull(issued(grant, request(app, params())).idToken());
    }

    @Test
    void aCodeOfAnotherClientIsRefusedAndStaysRedeemableByItsOwner() {
        issuedCode();
        assertRefused("invalid_grant", "another client", refused(grant, request(other, params())));
        assertTrue(codeStillRedeemableBy(app));
    }

    @Test
    void aCodeAtItsExpirySecondIsRefusedAsExpired() {
        issuedCode();
        bench.clock.advanceSeconds(60);
        assertRefused("invalid_grant", "expired", refused(grant, request(app, params())));
        assertEquals(0, bench.stores.accessTokens().size());
    }

    @Test
    void aCodePastItsExpiryIsGoneFromTheStore() {
        issuedCode();
        bench.clock.advanceSeconds(61);
        assertRefused("invalid_grant", "invalid or expired", refused(grant, request(app, params())));
    }

    @Test
    void anUnknownCodeIsRefused() {
        assertRefused("invalid_grant", "invalid or expired", refused(grant, request(app, params())));
        assertTrue(bench.events.published().isEmpty(), "nothing was revoked or issued");
    }

    @Test
    void aMissingCodeIsAnInvalidRequest() {
        Map<String, String> noCode = params();
        noCode.remove("code");
        assertRefused("invalid_request", "code", refused(grant, request(app, noCode)));
    }

    @Test
    void aRedirectUriOtherThanTheAuthorizationRequestsIsRefused() {
        issuedCode();
        assertRefused("invalid_grant", "redirect_uri",
                refused(grant, request(app, params("redirect_uri", "https://app.example.edu/other"))));
    }

    @Test
    void aMissingRedirectUriIsRefusedWhenTheAuthorizationRequestHadOne() {
        issuedCode();
        Map<String, String> noRedirect = params();
        noRedirect.remove("redirect_uri");
        assertRefused("invalid_grant", "redirect_uri", refused(grant, request(app, noRedirect)));
    }

    @Test
    void noRedirectUriIsNeededWhenTheAuthorizationRequestHadNone() {
        issuedCode(codeFor(app, "openid", null, null, null));
        Map<String, String> noRedirect = params();
        noRedirect.remove("redirect_uri");
        assertNotNull(issued(grant, request(app, noRedirect)).accessToken());
    }

    @Test
    void theRightPkceVerifierRedeemsTheCode() {
        issuedCode(codeFor(app, "openid", REDIRECT_URI, Pkce.s256(VERIFIER), "S256"));
        assertNotNull(issued(grant, request(app, params("code_verifier", VERIFIER))).accessToken());
    }

    @Test
    void aWrongPkceVerifierIsRefused() {
        issuedCode(codeFor(app, "openid", REDIRECT_URI, Pkce.s256(VERIFIER), "S256"));
        assertRefused("invalid_grant", "does not match",
                refused(grant, request(app, params("code_verifier", VERIFIER.replace('d', 'e')))));
    }

    @Test
    void aMissingPkceVerifierIsRefusedWhenTheRequestHadAChallenge() {
        issuedCode(codeFor(app, "openid", REDIRECT_URI, Pkce.s256(VERIFIER), "S256"));
        assertRefused("invalid_grant", "code_verifier is required", refused(grant, request(app, params())));
    }

    @Test
    void aPkceVerifierWithoutAChallengeIsRefused() {
        issuedCode();
        assertRefused("invalid_grant", "no code_challenge",
                refused(grant, request(app, params("code_verifier", VERIFIER))));
    }

    @Test
    void aPlainPkceChallengeIsComparedAsIs() {
        issuedCode(codeFor(app, "openid", REDIRECT_URI, VERIFIER, "plain"));
        assertNotNull(issued(grant, request(app, params("code_verifier", VERIFIER))).accessToken());
    }

    @Test
    void aRefusedCodeIsNotRestored() {
        issuedCode();
        refused(grant, request(app, params("redirect_uri", "https://app.example.edu/other")));
        assertEquals(0, bench.stores.codes().pending(), "a wrong redemption uses the code up: no second guess");
    }

    @Test
    void aReplayByTheOwnerRevokesEverythingTheCodeIssued() {
        AuthorizationCodeRecord code = issuedCode();
        TokenResponse first = issued(grant, request(app, params()));
        assertTrue(bench.active(first.accessToken()) && bench.activeRefresh(first.refreshToken()));

        assertRefused("invalid_grant", "already used", refused(grant, request(app, params())));

        assertFalse(bench.active(first.accessToken()), "the first redemption's access token is dead");
        assertFalse(bench.activeRefresh(first.refreshToken()), "and its refresh token");

        assertTrue(Await.result(bench.stores.revocations().isRevoked(code.grantId())));
        GrantRevoked revoked = bench.events.published(GrantRevoked.class).get(0);
        assertEquals("code_replay", revoked.reason());
        assertEquals(code.grantId(), revoked.grantId());
    }

    @Test
    void aReplayWhileTheEventLogIsDownStillRevokes() {
        AuthorizationCodeRecord code = issuedCode();
        issued(grant, request(app, params()));
        bench.events.goDown();
        assertRefused("invalid_grant", "already used", refused(grant, request(app, params())));
        assertTrue(Await.result(bench.stores.revocations().isRevoked(code.grantId())),
                "a security reaction does not wait for the log");
    }

    @Test
    void anotherClientPresentingARedeemedCodeCannotEndTheOwnersGrant() {
        AuthorizationCodeRecord code = issuedCode();
        TokenResponse owners = issued(grant, request(app, params()));
        assertRefused("invalid_grant", "another client", refused(grant, request(other, params())));
        assertFalse(Await.result(bench.stores.revocations().isRevoked(code.grantId())));
        assertTrue(bench.active(owners.accessToken()));
        assertTrue(bench.events.published(GrantRevoked.class).isEmpty());
    }

    @Test
    void whenTheEventLogIsDownNothingIsIssuedAndTheCodeCanBeRetried() {
        issuedCode();
        bench.events.goDown();

        assertRefused("temporarily_unavailable", "cannot record", refused(grant, request(app, params())));
        assertEquals(0, bench.stores.accessTokens().size(), "no access token outlives the failed log");
        assertEquals(0, bench.stores.refreshTokens().size(), "no refresh token either");
        assertTrue(Await.result(bench.stores.codes().redeemed(TokenHash.of(CODE))).isEmpty(),
                "the code is not marked redeemed");

        bench.events.comeBack();
        assertNotNull(issued(grant, request(app, params())).accessToken(), "the code was restored");
    }

    @Test
    void whenTheTokenStoreCannotBeWrittenNothingIsIssuedAndTheCodeIsRestored() {
        issuedCode();
        bench.stores.refreshTokens().goDown();
        assertRefused("temporarily_unavailable", "token store", refused(grant, request(app, params())));
        assertEquals(0, bench.stores.accessTokens().size());
        bench.stores.refreshTokens().comeBack();
        assertNotNull(issued(grant, request(app, params())).accessToken());
    }

    @Test
    void whenTheCodeStoreDoesNotAnswerTheFailureSaysSo() {
        issuedCode();
        bench.stores.codes().goDown();
        assertInstanceOf(StoreUnavailableException.class,
                Await.failure(GrantBench.run(grant, request(app, params()))));
        bench.stores.codes().comeBack();
        assertTrue(codeStillRedeemableBy(app), "and nothing was taken");
    }

    @Test
    void aUserWhoNoLongerExistsGetsNoIdToken() {
        issuedCode();
        bench.users.remove("sub-tess");
        assertRefused("invalid_grant", "no longer exists", refused(grant, request(app, params())));
    }
}
