package edu.lanyard.common.http;

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

    /** The OAuth error a failure should be answered with: its own if it has one, else a server error. */
    public static OAuthError of(Throwable failure) {
        if (failure instanceof OAuthException oauth) {
            return oauth.error();
        }
        return OAuthError.serverError("the server could not complete the request");
    }
}
