package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.page.ErrorKind;
import org.junit.jupiter.api.Test;

import static edu.lanyard.authorize.pipeline.Fixtures.continued;
import static edu.lanyard.authorize.pipeline.Fixtures.page;
import static edu.lanyard.authorize.pipeline.Fixtures.params;
import static edu.lanyard.authorize.pipeline.Fixtures.received;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class RejectRepeatedParametersTest {
    private final RejectRepeatedParameters step = new RejectRepeatedParameters();

    @Test
    void parametersSentOnceGoOn() {
        AuthorizationState state = received(params("client_id", "app", "scope", "openid profile"));

        assertSame(state, continued(step.decide(state)));
    }

    @Test
    void repeatedParametersAreAPageNamingThem() {
        StepResult result = step.decide(received(params("client_id", "app", "scope", "openid", "state", "a",
                "scope", "profile", "state", "b")));

        assertEquals(new StepResult.ShowErrorPage(ErrorKind.BAD_REQUEST, "invalid_request",
                "parameter included more than once: scope, state"), page(result));
    }

    @Test
    void aRepeatedRedirectUriIsAPageBecauseNeitherCanBeTrusted() {
        StepResult result = step.decide(received(params("client_id", "app",
                "redirect_uri", "https://app.example.edu/callback", "redirect_uri", "https://evil.example/")));

        assertEquals("parameter included more than once: redirect_uri", page(result).detail());
    }

    @Test
    void anEmptySecondValueIsNoRepetition() {
        AuthorizationState state = received(params("client_id", "app", "client_id", ""));

        assertSame(state, continued(step.decide(state)));
    }
}
