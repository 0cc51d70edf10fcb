package edu.lanyard.dialects.http;

import edu.lanyard.core.error.MalformedRequestException;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.event.EventLogUnavailableException;
import edu.lanyard.core.store.StoreUnavailableException;
import io.vertx.ext.web.handler.HttpException;

/** How the HTTP edge answers a failed request: the one place a failure becomes an OAuth error. */
public final class EdgeErrors {
    private EdgeErrors() {
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
        if (failure instanceof StoreUnavailableException unavailable) {
            return OAuthError.temporarilyUnavailable(unavailable.getMessage());
        }
        if (failure instanceof EventLogUnavailableException) {
            return OAuthError.temporarilyUnavailable("the change cannot be recorded right now; try again shortly");
        }
        return OAuthError.serverError("the server could not complete the request");
    }
}
