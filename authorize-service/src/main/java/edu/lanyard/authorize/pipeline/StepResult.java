package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.authorize.AuthorizationResponse;
import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.session.SessionRecord;

/** What one step of an authorization pipeline decided. Every result but {@link Continue} ends the pipeline. */
public sealed interface StepResult {

    /** The request passed this step; the next one gets {@code state}. */
    record Continue(AuthorizationState state) implements StepResult {
    }

    /**
     * Lanyard's own error page: there is no trusted redirect URI to send the error to (RFC 6749 §4.1.2.1). Only the
     * steps up to check redirect URI may answer this.
     */
    record ShowErrorPage(ErrorKind kind, String errorCode, String detail) implements StepResult {
    }

    /** An error sent back to the client's trusted redirect URI, in the request's response mode. */
    record RedirectError(AuthorizationRequest request, OAuthError error) implements StepResult {
        public AuthorizationResponse response() {
            return AuthorizationResponse.error(request, error);
        }
    }

    /** The user must sign in; the request is parked under {@code rid} until the login form comes back. */
    record NeedLogin(Client client, AuthorizationRequest request, String rid) implements StepResult {
    }

    /** The signed-in user must consent; the request is parked under {@code rid} until the consent form comes back. */
    record NeedConsent(Client client, AuthorizationRequest request, SessionRecord session, String rid)
            implements StepResult {
    }

    /** The code and/or tokens for the client. */
    record Respond(AuthorizationResponse response) implements StepResult {
    }
}
