package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.session.SessionRecord;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static edu.lanyard.authorize.pipeline.Fixtures.continued;
import static edu.lanyard.authorize.pipeline.Fixtures.redirected;
import static edu.lanyard.authorize.pipeline.Fixtures.request;
import static edu.lanyard.authorize.pipeline.Fixtures.resultOf;
import static edu.lanyard.authorize.pipeline.Fixtures.session;
import static edu.lanyard.authorize.pipeline.Fixtures.trusted;
import static edu.lanyard.authorize.pipeline.Fixtures.withPrompt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckConsentTest {
    private final Client asksConsent = Fixtures.client().requireConsent().build();
    private final Client trustedApp = Fixtures.client().build();
    private final SessionRecord session = session(60);
    private final InMemoryConsents consents = new InMemoryConsents();
    private final InMemoryPendingAuthorizations pending = new InMemoryPendingAuthorizations();
    private final CheckConsent step = new CheckConsent(consents, pending);

    private StepResult check(Client client, AuthorizationRequest request) {
        return resultOf(step.apply(trusted(client, request).withSession(session)));
    }

    private void consentNeeded(StepResult result, Client client, AuthorizationRequest request) {
        StepResult.NeedConsent consent = assertInstanceOf(StepResult.NeedConsent.class, result);
        assertSame(client, consent.client());
        assertSame(session, consent.session());
        assertEquals(request, consent.request());
        assertEquals(Map.of(consent.rid(), request), pending.parked, "the request waits for the consent form");
    }

    @Test
    void aClientThatNeedsNoConsentGoesOnWithoutLookingAny() {
        AuthorizationState state = trusted(trustedApp, request()).withSession(session);

        assertSame(state, continued(resultOf(step.apply(state))));
        assertEquals(0, consents.lookups);
    }

    @Test
    void aConsentCoveringTheScopeGoesOn() {
        consents.with(session.subject(), "app", "email openid profile");

        continued(check(asksConsent, request()));
    }

    @Test
    void withoutConsentTheUserIsAsked() {
        consentNeeded(check(asksConsent, request()), asksConsent, request());
    }

    @Test
    void aConsentToLessThanTheScopeAsksAgain() {
        consents.with(session.subject(), "app", "openid");

        consentNeeded(check(asksConsent, request()), asksConsent, request());
    }

    @Test
    void claimsAskedForByNameNeedConsentToTheirScope() {
        consents.with(session.subject(), "app", "email openid profile");
        AuthorizationRequest asksAddress = request().withClaims("{\"userinfo\":{\"address\":null}}");
        consentNeeded(check(asksConsent, asksAddress), asksConsent, asksAddress);

        AuthorizationRequest asksGivenName = request().withClaims("{\"userinfo\":{\"given_name\":null}}");
        continued(check(asksConsent, asksGivenName));
    }

    @Test
    void anotherUsersConsentDoesNotCount() {
        consents.with("someone-else", "app", "openid profile");

        consentNeeded(check(asksConsent, request()), asksConsent, request());
    }

    @Test
    void promptConsentAsksEvenAClientThatNeedsNone() {
        AuthorizationRequest request = withPrompt(request(), "consent");

        consentNeeded(check(trustedApp, request), trustedApp, request);
    }

    @Test
    void promptNoneWithoutConsentIsRedirectedAsConsentRequired() {
        StepResult.RedirectError error = redirected(check(asksConsent, withPrompt(request(), "none")));

        assertEquals(new OAuthError("consent_required", "the user has not consented", 400), error.error());
        assertTrue(pending.parked.isEmpty());
    }

    @Test
    void isNamedForTheTable() {
        assertEquals("consent", step.name());
    }
}
