package edu.lanyard.common.http;

import edu.lanyard.common.event.EventLogUnavailableException;
import io.vertx.ext.web.handler.HttpException;

/** Carries an {@link OAuthError} through a failed future to the dialect that renders it. */
public final class OAuthException extends RuntimeException {
    private final OAuthError error;

    public OAuthException(OAuthError error) {
        super(error.error() + ": " + error.description(), null, false, false);
        this.error = error;
    }

    public OAuthError error() {
        return error;
    }

    /**
     * The OAuth error a failure should be answered with: its own if it has one, invalid_request for a request that
     * could not be read, temporarily_unavailable when the event log could not record the decision, else a server
     * error.
     */
    public static OAuthError of(Throwable failure) {
        if (failure instanceof OAuthException oauth) {
            return oauth.error();
        }
        if (failure instanceof MalformedRequestException malformed) {
            return OAuthError.invalidRequest(malformed.getMessage());
        }
        if (failure instanceof HttpException http && http.getStatusCode() >= 400 && http.getStatusCode() < 500) {
            // Vert.x's own "cannot read this request" (e.g. a query string it cannot decode): the client's fault.
            return OAuthError.invalidRequest("the request could not be read");
        }
        if (failure instanceof EventLogUnavailableException) {
            return OAuthError.temporarilyUnavailable("the change cannot be recorded right now; try again shortly");
        }
        return OAuthError.serverError("the server could not complete the request");
    }
}
