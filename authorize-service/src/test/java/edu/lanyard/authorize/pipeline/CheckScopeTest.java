package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import org.junit.jupiter.api.Test;

import static edu.lanyard.authorize.pipeline.Fixtures.continued;
import static edu.lanyard.authorize.pipeline.Fixtures.redirected;
import static edu.lanyard.authorize.pipeline.Fixtures.request;
import static edu.lanyard.authorize.pipeline.Fixtures.trusted;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckScopeTest {
    private final CheckScope step = new CheckScope();
    private final Client app = Fixtures.client().scopes("openid", "profile", "email").build();

    private StepResult check(String scope) {
        return step.decide(trusted(app, request().withScope(scope)));
    }

    @Test
    void noScopeGrantsEverythingTheClientMayHave() {
        assertEquals("openid profile email", continued(check(null)).request().scope());
    }

    @Test
    void aScopeWithinTheClientsIsGrantedAsAsked() {
        assertEquals("profile openid", continued(check("profile  openid profile")).request().scope());
    }

    @Test
    void aScopeBeyondTheClientsIsRedirectedAsInvalidScope() {
        AuthorizationRequest asked = request().withScope("openid admin");

        StepResult.RedirectError error = redirected(step.decide(trusted(app, asked)));

        assertEquals(OAuthError.invalidScope("scope not allowed for this client: admin"), error.error());
        assertEquals(asked, error.request());
    }

    @Test
    void isNamedForTheTable() {
        assertEquals("check scope", step.name());
    }
}
