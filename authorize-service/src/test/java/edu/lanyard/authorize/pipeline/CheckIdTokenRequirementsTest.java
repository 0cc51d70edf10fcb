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
import static edu.lanyard.authorize.pipeline.Fixtures.withNonce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class CheckIdTokenRequirementsTest {
    private final CheckIdTokenRequirements step = new CheckIdTokenRequirements();
    private final Client app = Fixtures.client().build();

    private StepResult check(String responseType, String scope, String nonce) {
        AuthorizationRequest request = withNonce(request(responseType, "fragment").withScope(scope), nonce);
        return step.decide(trusted(app, request));
    }

    @ParameterizedTest
    @ValueSource(strings = {"code", "token", "code token"})
    void withoutAnIdTokenNeitherOpenidNorNonceIsNeeded(String responseType) {
        AuthorizationState state = trusted(app, withNonce(request(responseType, "fragment").withScope("profile"),
                null));

        assertSame(state, continued(step.decide(state)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id_token", "code id_token", "id_token token"})
    void anIdTokenWithOpenidAndNonceGoesOn(String responseType) {
        continued(check(responseType, "openid profile", "n-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id_token", "code id_token"})
    void anIdTokenWithoutOpenidIsRedirected(String responseType) {
        assertEquals(OAuthError.invalidRequest("id_token responses need the openid scope"),
                redirected(check(responseType, "profile email", "n-1")).error());
    }

    @Test
    void anIdTokenWithoutNonceIsRedirected() {
        assertEquals(OAuthError.invalidRequest("nonce is required when an id_token is returned"),
                redirected(check("code id_token", "openid", null)).error());
    }

    @Test
    void theMissingScopeIsReportedBeforeTheMissingNonce() {
        assertEquals("id_token responses need the openid scope",
                redirected(check("id_token", "profile", null)).error().description());
    }

    @Test
    void isNamedForTheTable() {
        assertEquals("check id_token requirements", step.name());
    }
}
