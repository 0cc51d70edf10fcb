package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static edu.lanyard.authorize.pipeline.Fixtures.continued;
import static edu.lanyard.authorize.pipeline.Fixtures.redirected;
import static edu.lanyard.authorize.pipeline.Fixtures.request;
import static edu.lanyard.authorize.pipeline.Fixtures.trusted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class CheckResponseTypeTest {
    private final CheckResponseType step = new CheckResponseType();
    private final Client app = Fixtures.client().build();

    @ParameterizedTest
    @ValueSource(strings = {"code", "token", "id_token", "code id_token", "id_token code", "id_token token",
            "code token", "code id_token token", "token id_token code"})
    void everyCombinationLanyardAnswersGoesOn(String responseType) {
        AuthorizationState state = trusted(app, request(responseType, "query"));

        assertSame(state, continued(step.decide(state)));
    }

    @Test
    void aMissingResponseTypeIsRedirected() {
        AuthorizationRequest request = request(null, "query");

        StepResult.RedirectError error = redirected(step.decide(trusted(app, request)));

        assertSame(request, error.request());
        assertEquals(OAuthError.invalidRequest("response_type is missing"), error.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "code bogus", "token  device", "CODE"})
    void anUnsupportedResponseTypeIsRedirectedNamingIt(String responseType) {
        StepResult.RedirectError error = redirected(step.decide(trusted(app, request(responseType, "query"))));

        assertEquals(new OAuthError("unsupported_response_type", "unsupported response_type: " + responseType, 400),
                error.error());
    }

    @Test
    void isNamedForTheTable() {
        assertEquals("check response type", step.name());
    }
}
