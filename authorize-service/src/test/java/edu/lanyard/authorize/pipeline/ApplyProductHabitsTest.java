package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.authorize.ProductFrontChannel;
import edu.lanyard.authorize.FrontChannelDialect;
import edu.lanyard.core.json.Jsons;
import edu.lanyard.dialects.maxkey.MaxKeyDialect;
import edu.lanyard.dialects.maxkey.MaxKeyOptions;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static edu.lanyard.authorize.pipeline.Fixtures.PHP_SSO;
import static edu.lanyard.authorize.pipeline.Fixtures.continued;
import static edu.lanyard.authorize.pipeline.Fixtures.params;
import static edu.lanyard.authorize.pipeline.Fixtures.request;
import static edu.lanyard.authorize.pipeline.Fixtures.trusted;
import static edu.lanyard.authorize.pipeline.Fixtures.withPrompt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** docs/dialects.md C.2: MaxKey's approval_prompt and its echoed service parameter. */
class ApplyProductHabitsTest {
    private static final FrontChannelDialect MAXKEY = new ProductFrontChannel(
            new MaxKeyDialect("/sign", MaxKeyOptions.SCHEMA.forMount("dialects.maxkey.options", Map.of())));
    private final ApplyProductHabits maxKey = new ApplyProductHabits(MAXKEY);

    private AuthorizationRequest applied(ApplyProductHabits step, AuthorizationRequest request, String... params) {
        return continued(step.decide(trusted(Fixtures.client().build(), request, params(params)))).request();
    }

    @Test
    void forceAsksForConsentAutoLeavesItToTheClient() {
        assertEquals("consent", applied(maxKey, request(), "approval_prompt", "force").prompt());
        assertEquals("login consent", applied(maxKey, withPrompt(request(), "login"), "approval_prompt", "force")
                .prompt());
        assertNull(applied(maxKey, request(), "approval_prompt", "auto").prompt());
        assertNull(applied(maxKey, request(), "approval_prompt", "FORCE ").prompt(), "MaxKey compared exactly");
        assertEquals("none", applied(maxKey, withPrompt(request(), "none"), "approval_prompt", "force").prompt(),
                "prompt=none is never turned into a page");
    }

    @Test
    void otherProductsIgnoreBoth() {
        AuthorizationRequest asked = request();
        assertEquals(asked, applied(new ApplyProductHabits(PHP_SSO), asked, "approval_prompt", "force",
                "service", "http://cas.example/"));
    }

    @Test
    void serviceIsKeptWithTheRequestAndSurvivesParking() {
        AuthorizationRequest kept = applied(maxKey, request(), "service", "http://cas.example/login?a=1");
        assertEquals(Map.of("service", "http://cas.example/login?a=1"), kept.echoed());
        assertEquals(kept, Jsons.read(Jsons.write(kept), AuthorizationRequest.class));
        assertNull(applied(maxKey, request(), "service", "").echoed());
        AuthorizationRequest parkedByOlderNode = Jsons.read(Jsons.write(request()), AuthorizationRequest.class);
        assertEquals(Map.of(), parkedByOlderNode.echoedOrEmpty());
    }

    @Test
    void anOversizedServiceIsAnErrorForTheClient() {
        StepResult result = maxKey.decide(trusted(Fixtures.client().build(), request(),
                params("service", "x".repeat(ApplyProductHabits.MAX_ECHOED_LENGTH + 1))));
        StepResult.RedirectError error = assertInstanceOf(StepResult.RedirectError.class, result);
        assertEquals("invalid_request", error.error().error());
    }
}
