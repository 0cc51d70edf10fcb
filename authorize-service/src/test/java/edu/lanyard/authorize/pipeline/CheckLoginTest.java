package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.session.SessionRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static edu.lanyard.authorize.pipeline.Fixtures.CLOCK;
import static edu.lanyard.authorize.pipeline.Fixtures.continued;
import static edu.lanyard.authorize.pipeline.Fixtures.params;
import static edu.lanyard.authorize.pipeline.Fixtures.redirected;
import static edu.lanyard.authorize.pipeline.Fixtures.request;
import static edu.lanyard.authorize.pipeline.Fixtures.resultOf;
import static edu.lanyard.authorize.pipeline.Fixtures.session;
import static edu.lanyard.authorize.pipeline.Fixtures.withPrompt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckLoginTest {
    private static final String COOKIE = "cookie-value";

    private final Client app = Fixtures.client().build();
    private final SessionRecord tenMinutesOld = session(600);
    private final InMemorySessions sessions = new InMemorySessions().with(COOKIE, tenMinutesOld);
    private final InMemoryPendingAuthorizations pending = new InMemoryPendingAuthorizations();
    private final CheckLogin step = new CheckLogin(sessions, pending, CLOCK);

    private StepResult check(Optional<String> cookie, AuthorizationRequest request) {
        AuthorizationState state = AuthorizationState.received(params(), cookie, Fixtures.IP).withClient(app)
                .withRequest(request);
        return resultOf(step.apply(state));
    }

    private StepResult.NeedLogin loginNeeded(StepResult result, AuthorizationRequest request) {
        StepResult.NeedLogin login = assertInstanceOf(StepResult.NeedLogin.class, result);
        assertSame(app, login.client());
        assertEquals(request, login.request());
        assertEquals(Map.of(login.rid(), request), pending.parked, "the request waits for the login form");
        return login;
    }

    @Test
    void aLiveSessionAnswersForTheUser() {
        AuthorizationState next = Fixtures.continued(check(Optional.of(COOKIE), request()));

        assertSame(tenMinutesOld, next.session());
        assertTrue(pending.parked.isEmpty());
    }

    @Test
    void withoutACookieTheUserSignsInAndNoSessionIsLookedUp() {
        loginNeeded(check(Optional.empty(), request()), request());

        assertEquals(List.of(), sessions.lookedUp);
    }

    @Test
    void aCookieWithoutALiveSessionMeansSigningIn() {
        loginNeeded(check(Optional.of("expired-or-unknown"), request()), request());

        assertEquals(List.of("expired-or-unknown"), sessions.lookedUp);
    }

    @Test
    void promptLoginAsksAgainDespiteTheSession() {
        AuthorizationRequest request = withPrompt(request(), "login");

        loginNeeded(check(Optional.of(COOKIE), request), request);
    }

    @ParameterizedTest
    @CsvSource({"601, true", "600, true", "599, false", "0, false"})
    void maxAgeHoldsTheSessionsAgeAgainstIt(long maxAge, boolean fresh) {
        AuthorizationRequest request = request().withMaxAge(maxAge);

        StepResult result = check(Optional.of(COOKIE), request);

        if (fresh) {
            assertSame(tenMinutesOld, continued(result).session());
        } else {
            loginNeeded(result, request);
        }
    }

    @Test
    void promptNoneWithoutASessionIsRedirectedAsLoginRequired() {
        StepResult.RedirectError error = redirected(check(Optional.empty(), withPrompt(request(), "none")));

        assertEquals(new OAuthError("login_required", "the user is not signed in", 400), error.error());
        assertTrue(pending.parked.isEmpty(), "nothing waits for a form that is never shown");
    }

    @Test
    void promptNoneWithASessionTooOldForMaxAgeIsLoginRequired() {
        AuthorizationRequest request = withPrompt(request(), "none").withMaxAge(60L);

        assertEquals("login_required", redirected(check(Optional.of(COOKIE), request)).error().error());
    }

    @Test
    void promptNoneWithALiveSessionGoesOn() {
        continued(check(Optional.of(COOKIE), withPrompt(request(), "none")));
    }

    @Test
    void isNamedForTheTable() {
        assertEquals("login", step.name());
    }
}
