package edu.lanyard.core.error;

/**
 * An OAuth 2.0 error (RFC 6749 §5.2, RFC 6750 §3, RFC 7009, RFC 7662) with the HTTP status the standard gives it.
 * Dialects may render it differently (MaxKey answers 200, CAS answers text), but the decision is this record.
 */
public record OAuthError(String error, String description, int status) {

    public static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description, 400);
    }

    public static OAuthError invalidClient(String description) {
        return new OAuthError("invalid_client", description, 401);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description, 400);
    }

    public static OAuthError unauthorizedClient(String description) {
        return new OAuthError("unauthorized_client", description, 400);
    }

    public static OAuthError unsupportedGrantType(String description) {
        return new OAuthError("unsupported_grant_type", description, 400);
    }

    public static OAuthError invalidScope(String description) {
        return new OAuthError("invalid_scope", description, 400);
    }

    public static OAuthError unsupportedTokenType(String description) {
        return new OAuthError("unsupported_token_type", description, 400);
    }

    public static OAuthError invalidToken(String description) {
        return new OAuthError("invalid_token", description, 401);
    }

    public static OAuthError insufficientScope(String description) {
        return new OAuthError("insufficient_scope", description, 403);
    }

    public static OAuthError accessDenied(String description) {
        return new OAuthError("access_denied", description, 403);
    }

    public static OAuthError temporarilyUnavailable(String description) {
        return new OAuthError("temporarily_unavailable", description, 503);
    }

    /**
     * Too many failed client authentications: HTTP 429 with a Retry-After. RFC 6749 has no code for it; the
     * registered {@code temporarily_unavailable} says "try again later" to clients that know OAuth codes, and the
     * status tells it apart from an outage (503) and from wrong credentials (401).
     */
    public static OAuthError tooManyRequests(String description) {
        return new OAuthError("temporarily_unavailable", description, 429);
    }

    /** A throttle's answer keeps its 429 in every dialect, whatever status the product used for errors. */
    public boolean throttled() {
        return status == 429;
    }

    public static OAuthError serverError(String description) {
        return new OAuthError("server_error", description, 500);
    }

    public OAuthException toException() {
        return new OAuthException(this);
    }
}
