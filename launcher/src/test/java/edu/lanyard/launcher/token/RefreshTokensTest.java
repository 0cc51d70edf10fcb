package edu.lanyard.launcher.token;

import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static edu.lanyard.launcher.token.ClientCredentials.APP;
import static edu.lanyard.launcher.token.ClientCredentials.OTHER;
import static edu.lanyard.launcher.token.ClientCredentials.SHORTLIVED;
import static edu.lanyard.launcher.token.ClientCredentials.STEADY;
import static edu.lanyard.launcher.token.OAuthAssertions.assertOAuthError;
import static edu.lanyard.launcher.token.OAuthAssertions.assertTokenResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 6749 §6 and RFC 9700 §4.14: rotation, reuse, expiry, revocation and scope on refresh. */
class RefreshTokensTest {
    private static final LanyardTestServer server = LanyardTestServer.sharedTokens();
    private static final OAuthEndpoints oauth = new OAuthEndpoints(server);

    private static Http.Reply refresh(ClientCredentials client, String refreshToken, String... more) {
        return oauth.token(client, OAuthEndpoints.concat(
                new String[]{"grant_type", "refresh_token", "refresh_token", refreshToken}, more));
    }

    @Test
    void reuseOfARotatedTokenRevokesTheWholeFamily() {
        JsonObject first = oauth.passwordGrant(APP, "tess", "tess-pass", "openid profile");
        JsonObject second = assertTokenResponse(refresh(APP, first.getString("refresh_token")));
        JsonObject third = assertTokenResponse(refresh(APP, second.getString("refresh_token")));
        assertTrue(oauth.active(third.getString("access_token")));

        assertOAuthError(refresh(APP, first.getString("refresh_token")), 400, "invalid_grant");

        for (JsonObject response : List.of(first, second, third)) {
            assertFalse(oauth.active(response.getString("access_token")), "family access token still active");
            assertFalse(oauth.active(response.getString("refresh_token")), "family refresh token still active");
        }
        assertOAuthError(refresh(APP, third.getString("refresh_token")), 400, "invalid_grant");
    }

    @Test
    void twoConcurrentRedemptionsOfOneTokenNeverBothSucceed() {
        String refreshToken = oauth.passwordGrant(APP, "tess", "tess-pass", "profile").getString("refresh_token");
        CompletableFuture<Http.Reply> a = CompletableFuture.supplyAsync(() -> refresh(APP, refreshToken));
        CompletableFuture<Http.Reply> b = CompletableFuture.supplyAsync(() -> refresh(APP, refreshToken));
        long successes = List.of(a.join(), b.join()).stream().filter(r -> r.status() == 200).count();
        assertTrue(successes <= 1, "one refresh token was redeemed twice");
    }

    @Test
    void expiredRefreshTokenIsInvalidGrant() {
        // Not assertTokenResponse: with a 1 s lifetime expires_in may already read 0.
        Http.Reply issued = oauth.token(SHORTLIVED, "grant_type", "password", "username", "tess", "password",
                "tess-pass", "scope", "openid");
        assertEquals(200, issued.status(), issued.body());
        JsonObject body = issued.json();
        Polling.until(Duration.ofSeconds(15), "the 1 s refresh token to expire",
                () -> !oauth.active(body.getString("refresh_token")));
        Polling.until(Duration.ofSeconds(15), "the 1 s access token to expire",
                () -> !oauth.active(body.getString("access_token")));
        assertOAuthError(refresh(SHORTLIVED, body.getString("refresh_token")), 400, "invalid_grant");
    }

    @Test
    void revokedRefreshTokenIsInvalidGrant() {
        JsonObject body = oauth.passwordGrant(APP, "tess", "tess-pass", "openid");
        assertEquals(200, oauth.revoke(APP, body.getString("refresh_token"), "token_type_hint", "refresh_token")
                .status());
        assertOAuthError(refresh(APP, body.getString("refresh_token")), 400, "invalid_grant");
        assertFalse(oauth.active(body.getString("access_token")), "RFC 7009 §2.1: the grant's access tokens");
    }

    @Test
    void refreshTokenOfAnotherClientIsInvalidGrantAndStaysUsable() {
        JsonObject body = oauth.passwordGrant(APP, "tess", "tess-pass", "openid");
        assertOAuthError(refresh(OTHER, body.getString("refresh_token")), 400, "invalid_grant");
        assertTokenResponse(refresh(APP, body.getString("refresh_token")));
    }

    @Test
    void scopeMayNarrowButTheGrantKeepsItsOriginalScope() {
        JsonObject body = oauth.passwordGrant(APP, "tess", "tess-pass", "openid profile email");
        JsonObject narrowed = assertTokenResponse(refresh(APP, body.getString("refresh_token"), "scope", "profile"));
        assertEquals("profile", narrowed.getString("scope"));
        assertEquals("profile", oauth.introspect(APP, narrowed.getString("access_token")).json()
                .getString("scope"));
        // RFC 6749 §6: a new refresh token's scope MUST be identical to that of the one presented.
        JsonObject again = assertTokenResponse(refresh(APP, narrowed.getString("refresh_token")));
        assertEquals("openid profile email", again.getString("scope"));
        JsonObject email = assertTokenResponse(refresh(APP, again.getString("refresh_token"), "scope", "email"));
        assertEquals("email", email.getString("scope"));
    }

    @Test
    void widenedScopeIsInvalidScopeAndTheTokenStaysUsable() {
        JsonObject body = oauth.passwordGrant(APP, "tess", "tess-pass", "openid profile");
        assertOAuthError(refresh(APP, body.getString("refresh_token"), "scope", "openid profile email"), 400,
                "invalid_scope");
        assertOAuthError(refresh(APP, body.getString("refresh_token"), "scope", "admin"), 400, "invalid_scope");
        assertTrue(oauth.active(body.getString("refresh_token")));
        assertTokenResponse(refresh(APP, body.getString("refresh_token")));
    }

    @Test
    void nonRotatingClientKeepsUsingTheSameRefreshToken() {
        JsonObject body = oauth.passwordGrant(STEADY, "tess", "tess-pass", "openid profile");
        String refreshToken = body.getString("refresh_token");
        String previousAccess = body.getString("access_token");
        for (int i = 0; i < 3; i++) {
            JsonObject next = assertTokenResponse(refresh(STEADY, refreshToken));
            assertEquals(refreshToken, next.getString("refresh_token"));
            assertNotEquals(previousAccess, next.getString("access_token"));
            assertTrue(oauth.active(next.getString("access_token")));
            previousAccess = next.getString("access_token");
        }
        assertTrue(oauth.active(refreshToken));
    }
}
