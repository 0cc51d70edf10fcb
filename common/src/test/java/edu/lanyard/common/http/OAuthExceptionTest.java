package edu.lanyard.common.http;

import edu.lanyard.common.event.EventLogUnavailableException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OAuthExceptionTest {
    @Test
    void anOAuthFailureKeepsItsError() {
        assertEquals(OAuthError.invalidGrant("x"), OAuthException.of(OAuthError.invalidGrant("x").toException()));
    }

    @Test
    void anEventLogFailureIsTemporarilyUnavailable() {
        OAuthError error = OAuthException.of(new EventLogUnavailableException("broker down",
                new IllegalStateException("timeout")));
        assertEquals("temporarily_unavailable", error.error());
        assertEquals(503, error.status());
    }

    @Test
    void anythingElseIsAServerErrorWithoutInternals() {
        OAuthError error = OAuthException.of(new IllegalStateException("secret internals"));
        assertEquals("server_error", error.error());
        assertEquals(500, error.status());
        assertEquals(false, error.description().contains("internals"));
    }
}
