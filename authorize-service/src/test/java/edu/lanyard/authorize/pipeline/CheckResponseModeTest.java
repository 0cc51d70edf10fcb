package edu.lanyard.authorize.pipeline;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static edu.lanyard.authorize.pipeline.Fixtures.continued;
import static edu.lanyard.authorize.pipeline.Fixtures.params;
import static edu.lanyard.authorize.pipeline.Fixtures.redirected;
import static edu.lanyard.authorize.pipeline.Fixtures.request;
import static edu.lanyard.authorize.pipeline.Fixtures.trusted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class CheckResponseModeTest {
    private final CheckResponseMode step = new CheckResponseMode();
    private final Client app = Fixtures.client().build();

    private StepResult check(String responseType, String defaultMode, String requestedMode) {
        return step.decide(trusted(app, request(responseType, defaultMode), requestedMode == null
                ? params() : params("response_mode", requestedMode)));
    }

    @Test
    void withoutResponseModeTheDefaultStays() {
        AuthorizationState state = trusted(app, request("token", "fragment"));

        assertSame(state, continued(step.decide(state)));
    }

    @ParameterizedTest
    @CsvSource({"code, query, form_post", "code, query, fragment", "code, query, query", "token, fragment, form_post",
            "code id_token, fragment, fragment"})
    void aKnownModeIsTakenOn(String responseType, String defaultMode, String requested) {
        assertEquals(requested, continued(check(responseType, defaultMode, requested)).request().responseMode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"both", "web_message", "jwt", "FORM_POST"})
    void anUnknownModeIsRedirectedInTheDefaultMode(String requested) {
        StepResult.RedirectError error = redirected(check("token", "fragment", requested));

        assertEquals(OAuthError.invalidRequest("unsupported response_mode"), error.error());
        assertEquals("fragment", error.request().responseMode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "id_token", "code id_token", "code token"})
    void tokensInTheQueryAreRedirectedInTheFragment(String responseType) {
        StepResult.RedirectError error = redirected(check(responseType, "fragment", "query"));

        assertEquals(OAuthError.invalidRequest("tokens must not be returned in the query string"), error.error());
        assertEquals("fragment", error.request().responseMode());
    }

    @Test
    void isNamedForTheTable() {
        assertEquals("check response mode", step.name());
    }
}
