package edu.lanyard.core.client;

import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;

/**
 * An invalid_client failure that remembers whether the client tried HTTP Basic, because then the answer must carry
 * {@code WWW-Authenticate: Basic} (RFC 6749 §5.2).
 */
public final class ClientAuthenticationException extends RuntimeException {
    private final OAuthError error;
    private final boolean basicAttempted;

    public ClientAuthenticationException(OAuthError error, boolean basicAttempted) {
        super(error.description(), null, false, false);
        this.error = error;
        this.basicAttempted = basicAttempted;
    }

    public OAuthError error() {
        return error;
    }

    public boolean basicAttempted() {
        return basicAttempted;
    }

    public OAuthException toOAuthException() {
        return new OAuthException(error);
    }
}
