package edu.lanyard.authorize.pipeline;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static edu.lanyard.authorize.pipeline.Fixtures.continued;
import static edu.lanyard.authorize.pipeline.Fixtures.params;
import static edu.lanyard.authorize.pipeline.Fixtures.redirected;
import static edu.lanyard.authorize.pipeline.Fixtures.request;
import static edu.lanyard.authorize.pipeline.Fixtures.trusted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CheckMaxAgeTest {
    private final CheckMaxAge step = new CheckMaxAge();
    private final Client app = Fixtures.client().build();

    @Test
    void noMaxAgeLeavesItUnset() {
        assertNull(continued(step.decide(trusted(app, request(), params()))).request().maxAge());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 300, 86_400})
    void aNumberOfSecondsIsKept(long seconds) {
        assertEquals(seconds, continued(step.decide(trusted(app, request(),
                params("max_age", String.valueOf(seconds))))).request().maxAge());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "ten", "1.5", "99999999999999999999", "0x10"})
    void anythingElseIsRedirected(String raw) {
        StepResult.RedirectError error = redirected(step.decide(trusted(app, request(), params("max_age", raw))));

        assertEquals(OAuthError.invalidRequest("max_age must be a non-negative number of seconds"), error.error());
        assertEquals(request(), error.request());
    }

    @Test
    void isNamedForTheTable() {
        assertEquals("check max_age", step.name());
    }
}
