package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.authorize.AuthorizationResponse;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.session.SessionRecord;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static edu.lanyard.authorize.pipeline.Fixtures.request;
import static edu.lanyard.authorize.pipeline.Fixtures.resultOf;
import static edu.lanyard.authorize.pipeline.Fixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RespondTest {
    private final Client app = Fixtures.client().build();
    private final SessionRecord session = session(60);

    @Test
    void theIssuersResponseIsTheAnswer() {
        RecordingIssuer issuer = new RecordingIssuer();
        AuthorizationRequest request = request();

        StepResult result = resultOf(new Respond(issuer).apply(
                AuthorizationState.resumed(Fixtures.params(), Fixtures.IP, app, request, session)));

        AuthorizationResponse response = assertInstanceOf(StepResult.Respond.class, result).response();
        assertEquals(Map.of("code", "code-1", "state", "xyz"), response.params());
        assertEquals(List.of(new RecordingIssuer.Issued(app, request, session, Fixtures.IP)), issuer.issued);
    }

    @Test
    void anIssuerThatCannotRecordFailsTheStepInsteadOfDeciding() {
        OAuthError outage = OAuthError.temporarilyUnavailable("the sign-in could not be recorded; try again shortly");
        Respond step = new Respond((client, request, s, ip) -> Future.failedFuture(outage.toException()));

        Future<StepResult> result = step.apply(AuthorizationState.resumed(Fixtures.params(), Fixtures.IP, app,
                request(), session));

        assertTrue(result.failed());
        assertSame(outage, ((edu.lanyard.core.error.OAuthException) result.cause()).error());
    }

    @Test
    void isNamedForTheTable() {
        assertEquals("respond", new Respond(new RecordingIssuer()).name());
    }
}
