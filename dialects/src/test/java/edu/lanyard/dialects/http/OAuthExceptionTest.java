package edu.lanyard.dialects.http;

import edu.lanyard.core.error.MalformedRequestException;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.event.EventLogUnavailableException;
import io.vertx.ext.web.handler.HttpException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OAuthExceptionTest {
    @Test
    void anOAuthFailureKeepsItsError() {
        assertEquals(OAuthError.invalidGrant("x"), EdgeErrors.of(OAuthError.invalidGrant("x").toException()));
    }

    @Test
    void anEventLogFailureIsTemporarilyUnavailable() {
        OAuthError error = EdgeErrors.of(new EventLogUnavailableException("broker down",
                new IllegalStateException("timeout")));
        assertEquals("temporarily_unavailable", error.error());
        assertEquals(503, error.status());
    }

    @Test
    void aRequestThatCannotBeReadIsInvalidRequestWithoutItsContent() {
        OAuthError malformed = EdgeErrors.of(new MalformedRequestException("the query string has a NUL character"));
        assertEquals(OAuthError.invalidRequest("the query string has a NUL character"), malformed);
        OAuthError vertx = EdgeErrors.of(new HttpException(400, "Error while decoding query params",
                new IllegalArgumentException("invalid hex byte 'zz' at index 9 of '/x?client_secret=s&y=%zz'")));
        assertEquals("invalid_request", vertx.error());
        assertEquals(400, vertx.status());
        assertEquals(false, vertx.description().contains("client_secret"));
        assertEquals("server_error", EdgeErrors.of(new HttpException(500)).error());
    }

    @Test
    void anythingElseIsAServerErrorWithoutInternals() {
        OAuthError error = EdgeErrors.of(new IllegalStateException("secret internals"));
        assertEquals("server_error", error.error());
        assertEquals(500, error.status());
        assertEquals(false, error.description().contains("internals"));
    }
}
