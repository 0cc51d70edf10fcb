package edu.lanyard.authorize;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.core.error.OAuthError;

/**
 * Why an authorization request cannot proceed. Before the client and redirect URI are trusted, the user sees an
 * error page; after, the error goes back to the client's redirect URI (RFC 6749 §4.1.2.1).
 */
public sealed interface AuthorizationFailure {

    /** Shown on Lanyard's own page; never redirected. */
    record ShowPage(ErrorKind kind, String errorCode, String detail) implements AuthorizationFailure {
    }

    /** Sent back to the client. */
    record Redirect(AuthorizationRequest request, OAuthError error) implements AuthorizationFailure {
    }

    /** Carries a failure through a failed future. */
    final class Exception extends RuntimeException {
        private final AuthorizationFailure failure;

        public Exception(AuthorizationFailure failure) {
            super(failure.toString(), null, false, false);
            this.failure = failure;
        }

        public AuthorizationFailure failure() {
            return failure;
        }
    }

    default Exception toException() {
        return new Exception(this);
    }
}
