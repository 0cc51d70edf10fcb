package edu.lanyard.authorize.pipeline;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
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

class CheckFlowAllowedTest {
    private static final OAuthError NO_CODE_FLOW =
            OAuthError.unauthorizedClient("this client may not use the code flow");
    private static final OAuthError NO_IMPLICIT_FLOW =
            OAuthError.unauthorizedClient("this client may not use the implicit flow");

    private final CheckFlowAllowed step = new CheckFlowAllowed();
    private final Client codeOnly = Fixtures.client().grants(GrantType.AUTHORIZATION_CODE).build();
    private final Client implicitOnly = Fixtures.client().grants(GrantType.IMPLICIT).build();

    @ParameterizedTest
    @ValueSource(strings = {"code", "code id_token"})
    void aCodeFlowClientMayAskForACodeAndAnIdTokenBesideIt(String responseType) {
        AuthorizationState state = trusted(codeOnly, request(responseType, "fragment"));

        assertSame(state, continued(step.decide(state)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "id_token", "id_token token"})
    void anImplicitClientMayAskForTokens(String responseType) {
        AuthorizationState state = trusted(implicitOnly, request(responseType, "fragment"));

        assertSame(state, continued(step.decide(state)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"code", "code id_token", "code token"})
    void aCodeWithoutTheCodeGrantIsRedirected(String responseType) {
        StepResult.RedirectError error = redirected(step.decide(trusted(implicitOnly,
                request(responseType, "form_post"))));

        assertEquals(NO_CODE_FLOW, error.error());
        assertEquals("form_post", error.request().responseMode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "id_token", "id_token token", "code token", "code id_token token"})
    void tokensWithoutTheImplicitGrantAreRedirected(String responseType) {
        assertEquals(NO_IMPLICIT_FLOW, redirected(step.decide(trusted(codeOnly, request(responseType, "fragment"))))
                .error());
    }

    @Test
    void isNamedForTheTable() {
        assertEquals("check flow allowed", step.name());
    }
}
