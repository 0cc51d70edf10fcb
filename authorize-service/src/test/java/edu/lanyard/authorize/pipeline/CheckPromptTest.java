package edu.lanyard.authorize.pipeline;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static edu.lanyard.authorize.pipeline.Fixtures.continued;
import static edu.lanyard.authorize.pipeline.Fixtures.redirected;
import static edu.lanyard.authorize.pipeline.Fixtures.request;
import static edu.lanyard.authorize.pipeline.Fixtures.trusted;
import static edu.lanyard.authorize.pipeline.Fixtures.withPrompt;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckPromptTest {
    private final CheckPrompt step = new CheckPrompt();
    private final Client app = Fixtures.client().build();

    private StepResult check(String prompt) {
        return step.decide(trusted(app, withPrompt(request(), prompt)));
    }

    @Test
    void noPromptGoesOn() {
        continued(check(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "login", "consent", "select_account", "login consent", "consent  login"})
    void knownValuesGoOn(String prompt) {
        continued(check(prompt));
    }

    @ParameterizedTest
    @ValueSource(strings = {"always", "login bogus", "NONE"})
    void anUnknownValueIsRedirected(String prompt) {
        assertEquals(OAuthError.invalidRequest("unsupported prompt value"), redirected(check(prompt)).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none login", "consent none"})
    void noneWithAnotherValueIsRedirected(String prompt) {
        assertEquals(OAuthError.invalidRequest("prompt=none cannot be combined with other values"),
                redirected(check(prompt)).error());
    }

    @Test
    void isNamedForTheTable() {
        assertEquals("check prompt", step.name());
    }
}
