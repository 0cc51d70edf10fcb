package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.core.domain.Client;
import org.junit.jupiter.api.Test;

import static edu.lanyard.authorize.pipeline.Fixtures.continued;
import static edu.lanyard.authorize.pipeline.Fixtures.params;
import static edu.lanyard.authorize.pipeline.Fixtures.redirected;
import static edu.lanyard.authorize.pipeline.Fixtures.request;
import static edu.lanyard.authorize.pipeline.Fixtures.trusted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The claims parameter is read once, normalized onto the request, and malformed JSON goes back to the client. */
class CheckClaimsParameterTest {
    private final Client app = Fixtures.client().build();
    private final CheckClaimsParameter step = new CheckClaimsParameter();

    private StepResult check(AuthorizationRequest request, String claims) {
        return step.decide(trusted(app, request, claims == null ? params() : params("claims", claims)));
    }

    @Test
    void aWellFormedRequestTravelsNormalizedWithTheRequest() {
        AuthorizationRequest checked = continued(check(request(),
                "{ \"userinfo\": {\"given_name\": {\"essential\": true}, \"x-dept\": null} }")).request();
        assertEquals("{\"userinfo\":{\"given_name\":{\"essential\":true}}}", checked.claims());
        assertEquals(java.util.Set.of("given_name"), checked.claimsRequest().allNames());
    }

    @Test
    void noParameterOrNoOpenidLeavesTheRequestAsItWas() {
        assertNull(continued(check(request(), null)).request().claims());
        assertNull(continued(check(request().withScope("profile"), "{\"userinfo\":{\"email\":null}}")).request()
                .claims());
    }

    @Test
    void malformedJsonIsInvalidRequestAtTheRedirectUri() {
        StepResult.RedirectError error = redirected(check(request(), "{\"userinfo\":"));
        assertEquals("invalid_request", error.error().error());
        assertEquals("claims is not valid JSON", error.error().description());
    }
}
