package edu.lanyard.authorize.pipeline;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.metrics.SignInMeters;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.session.SessionRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static edu.lanyard.authorize.pipeline.Fixtures.continued;
import static edu.lanyard.authorize.pipeline.Fixtures.params;
import static edu.lanyard.authorize.pipeline.Fixtures.redirected;
import static edu.lanyard.authorize.pipeline.Fixtures.request;
import static edu.lanyard.authorize.pipeline.Fixtures.resultOf;
import static edu.lanyard.authorize.pipeline.Fixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class RecordConsentDecisionTest {
    private final Client app = Fixtures.client().requireConsent().build();
    private final SessionRecord session = session(60);
    private final InMemoryConsents consents = new InMemoryConsents();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordConsentDecision step = new RecordConsentDecision(consents, new SignInMeters(meters));

    private double counted(String decision) {
        return meters.get("lanyard.consents").tag("decision", decision).counter().count();
    }

    private StepResult decide(RequestParams form) {
        return resultOf(step.apply(AuthorizationState.resumed(form, Fixtures.IP, app, request(), session)));
    }

    @Test
    void approvalIsRememberedAndTheRequestGoesOn() {
        AuthorizationState state = AuthorizationState.resumed(params("rid", "rid-1", "decision", "approve"),
                Fixtures.IP, app, request(), session);

        assertSame(state, continued(resultOf(step.apply(state))));
        assertEquals(List.of(new InMemoryConsents.Grant("subject-1", "app", "openid profile", Fixtures.IP)),
                consents.grants);
        assertEquals(1.0, counted("granted"));
        assertEquals(0.0, counted("denied"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deny", "", " approve", "approve ", "APPROVE"})
    void anyOtherAnswerIsAccessDeniedForTheClientAndNothingIsRemembered(String decision) {
        StepResult.RedirectError error = redirected(decide(params("decision", decision)));

        assertEquals(OAuthError.accessDenied("the user denied the request"), error.error());
        assertEquals(request(), error.request());
        assertEquals(List.of(), consents.grants);
        assertEquals(1.0, counted("denied"));
        assertEquals(0.0, counted("granted"));
    }

    @Test
    void noAnswerIsAccessDenied() {
        assertEquals("access_denied", redirected(decide(params("rid", "rid-1"))).error().error());
    }

    @Test
    void theFirstAnswerCounts() {
        redirected(decide(params("decision", "deny", "decision", "approve")));
        continued(decide(params("decision", "approve", "decision", "deny")));

        assertEquals(1, consents.grants.size());
    }

    @Test
    void isNamedForTheTable() {
        assertEquals("record consent decision", step.name());
    }
}
