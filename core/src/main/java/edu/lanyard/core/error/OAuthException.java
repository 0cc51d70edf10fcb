package edu.lanyard.core.error;

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
}
