package edu.lanyard.token.grant;

import com.nimbusds.jwt.JWTClaimsSet;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.User;
import edu.lanyard.core.event.AccountLocked;
import edu.lanyard.core.event.LoginFailed;
import edu.lanyard.core.store.StoreUnavailableException;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.core.user.Authenticator;
import edu.lanyard.core.user.LocalAuthenticator;
import edu.lanyard.core.user.SignIn;
import edu.lanyard.core.user.SignInOutcome;
import edu.lanyard.devkit.Await;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static edu.lanyard.token.grant.GrantBench.assertRefused;
import static edu.lanyard.token.grant.GrantBench.client;
import static edu.lanyard.token.grant.GrantBench.issued;
import static edu.lanyard.token.grant.GrantBench.refused;
import static edu.lanyard.token.grant.GrantBench.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordGrantTest {
    private final GrantBench bench = new GrantBench();
    private final PasswordGrant grant = new PasswordGrant(bench.signIn, bench.issuer, bench.idTokens, bench.clock);
    private final Client app = client("app", Set.of(GrantType.PASSWORD, GrantType.REFRESH_TOKEN));

    {
        bench.users.add("tess", "right");
    }

    private static Map<String, String> login(String username, String password, String... more) {
        Map<String, String> params = new HashMap<>(Map.of("username", username, "password", password));
        for (int i = 0; i < more.length; i += 2) {
            params.put(more[i], more[i + 1]);
        }
        return params;
    }

    @Test
    void theRightPasswordIssuesTokensWithAnIdTokenForOpenid() {
        TokenResponse response = issued(grant, request(app, login("tess", "right", "scope", "openid email")));

        assertEquals("openid email", response.scope());
        assertNotNull(response.refreshToken());
        JWTClaimsSet idToken = GrantBench.verifiedIdToken(response.idToken());
        assertEquals("sub-tess", idToken.getSubject());
        assertEquals("tess@example.edu", idToken.getClaim("email"));
        assertEquals(bench.now(), ((Number) idToken.getClaim("auth_time")).longValue(),
                "the password was checked just now");
        assertEquals("tess", Await.result(bench.stores.accessTokens().find(TokenHash.of(response.accessToken())))
                .orElseThrow().username());
    }

    @Test
    void aClientThatMayNotRefreshGetsNoRefreshToken() {
        Client noRefresh = client("app", Set.of(GrantType.PASSWORD));
        TokenResponse response = issued(grant, request(noRefresh, login("tess", "right", "scope", "read")));
        assertNull(response.refreshToken());
        assertNull(response.idToken(), "no openid, no id_token");
    }

    @Test
    void aWrongPasswordIsRefusedAndLogged() {
        assertRefused("invalid_grant", "invalid username or password",
                refused(grant, request(app, login("tess", "wrong"))));
        assertEquals("tess", bench.events.published(LoginFailed.class).get(0).username());
        assertEquals(0, bench.stores.accessTokens().size());
    }

    @Test
    void anUnknownUserIsRefusedExactlyLikeAWrongPassword() {
        assertEquals(refused(grant, request(app, login("tess", "wrong"))),
                refused(grant, request(app, login("nobody", "right"))));
    }

    @Test
    void repeatedFailuresLockTheUserEvenAgainstTheRightPassword() {
        for (int i = 0; i < GrantBench.MAX_FAILURES; i++) {
            refused(grant, request(app, login("tess", "wrong")));
        }
        assertEquals(1, bench.events.published(AccountLocked.class).size());
        assertRefused("invalid_grant", "too many failed", refused(grant, request(app, login("tess", "right"))));

        bench.clock.advanceSeconds(GrantBench.LOCKOUT_SECONDS + 1);
        assertNotNull(issued(grant, request(app, login("tess", "right"))).accessToken(), "the lock ran out");

        assertEquals(GrantBench.MAX_FAILURES, signIns("failure"));
        assertEquals(1, signIns("locked"));
        assertEquals(1, signIns("success"));
        assertEquals(1.0, bench.meters.get("lanyard.lockouts").tag("kind", "user").counter().count());
        assertEquals(0.0, bench.meters.get("lanyard.signins").tags("via", "login_page").counters().stream()
                .mapToDouble(c -> c.count()).sum(), "the password grant is not the login page");
    }

    @Test
    void theEmailIsALoginNameAndSharesTheAccountsLockout() {
        for (int i = 0; i < GrantBench.MAX_FAILURES; i++) {
            refused(grant, request(app, login(i % 2 == 0 ? "tess" : "TESS@example.edu", "wrong")));
        }
        assertEquals(1, bench.events.published(AccountLocked.class).size(), "one account, one count");
        assertRefused("invalid_grant", "too many failed",
                refused(grant, request(app, login("tess@example.edu", "right"))));
        bench.clock.advanceSeconds(GrantBench.LOCKOUT_SECONDS + 1);
        TokenResponse response = issued(grant, request(app, login("tess@example.edu", "right")));
        assertEquals("tess", Await.result(bench.stores.accessTokens().find(TokenHash.of(response.accessToken())))
                .orElseThrow().username(), "tokens name the account, not the login name typed");
    }

    @Test
    void aDisabledUserIsRefusedWithTheRightPasswordOnlyAndNothingCountsTowardTheLockout() {
        bench.users.disable("sub-tess");
        assertRefused("invalid_grant", "invalid username or password",
                refused(grant, request(app, login("tess", "wrong"))));
        assertRefused("invalid_grant", "disabled", refused(grant, request(app, login("tess", "right"))));
        assertEquals(1, signIns("refused"));
        assertEquals("disabled", bench.events.published(LoginFailed.class).get(1).reason());
        assertEquals(0, bench.stores.accessTokens().size());
    }

    /**
     * A directory that knows "ana" by two login names and is the only one that does: before her first sign-in Lanyard
     * has no copy to resolve the names with, so the directory names the account it refused.
     */
    @Test
    void failuresADirectoryRefusesCountOnTheAccountItNamesWhateverLoginNameWasTyped() {
        User ana = User.local("sub-ana", "ana", null, "Ana", "ana@campus.edu", null, Map.of(), null);
        Authenticator directory = (login, password) -> {
            if (!login.equals("ana") && !login.equals("ana@campus.edu")) {
                return Future.succeededFuture(new Authenticator.Verdict.Unknown());
            }
            return Future.succeededFuture(password.equals("ana-pass")
                    ? new Authenticator.Verdict.Verified(ana)
                    : new Authenticator.Verdict.Refused(new SignInOutcome.BadCredentials(), "ana"));
        };
        SignIn signIn = new SignIn(List.of(new LocalAuthenticator(bench.users, bench.users.passwordCheck()),
                directory), bench.users, bench.loginThrottle, bench.users.passwordCheck(), bench.ledger, bench.signIns);
        PasswordGrant viaDirectory = new PasswordGrant(signIn, bench.issuer, bench.idTokens, bench.clock);

        for (int i = 0; i < GrantBench.MAX_FAILURES; i++) {
            refused(viaDirectory, request(app, login(i % 2 == 0 ? "ana@campus.edu" : "ana", "wrong")));
        }
        assertEquals(1, bench.events.published(AccountLocked.class).size(), "one account, one count");
        assertRefused("invalid_grant", "too many failed",
                refused(viaDirectory, request(app, login("ana@campus.edu", "ana-pass"))));
    }

    private long signIns(String outcome) {
        return (long) bench.meters.get("lanyard.signins").tags("via", "password_grant", "outcome", outcome)
                .counter().count();
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        for (int i = 0; i < GrantBench.MAX_FAILURES - 1; i++) {
            refused(grant, request(app, login("tess", "wrong")));
        }
        issued(grant, request(app, login("tess", "right")));
        refused(grant, request(app, login("tess", "wrong")));
        assertNotNull(issued(grant, request(app, login("tess", "right"))).accessToken(), "not locked");
    }

    @Test
    void aScopeOutsideTheClientsIsRefusedBeforeThePasswordIsTried() {
        assertRefused("invalid_scope", "admin", refused(grant, request(app, login("tess", "wrong", "scope", "admin"))));
        assertTrue(bench.events.published().isEmpty(), "no failure was counted");
    }

    @Test
    void aMissingPasswordIsAnInvalidRequest() {
        assertRefused("invalid_request", "password", refused(grant, request(app, Map.of("username", "tess"))));
    }

    @Test
    void whenTheEventLogIsDownNoTokenIsLeftInTheStore() {
        bench.events.goDown();
        assertRefused("temporarily_unavailable", "cannot record", refused(grant, request(app, login("tess", "right"))));
        assertEquals(0, bench.stores.accessTokens().size());
        assertEquals(0, bench.stores.refreshTokens().size());
    }

    @Test
    void whenTheLoginAttemptStoreDoesNotAnswerTheFailureSaysSo() {
        bench.stores.loginAttempts().goDown();
        assertInstanceOf(StoreUnavailableException.class,
                Await.failure(GrantBench.run(grant, request(app, login("tess", "right")))));
        assertEquals(0, bench.stores.accessTokens().size());
    }
}
