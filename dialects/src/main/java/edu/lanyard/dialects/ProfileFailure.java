package edu.lanyard.dialects;

/**
 * Why a profile request has no profile to show.
 *
 * @param token the presented token, or null when none was presented
 */
public record ProfileFailure(Kind kind, String token) {

    public enum Kind {
        /** No token in any place the dialect reads. */
        MISSING,
        /** The dialect checks the token's shape before any lookup and it does not fit. */
        MALFORMED,
        /** Unknown, expired, revoked, or not a user's token. */
        INVALID,
        /** The cluster could not answer; the client may retry. */
        UNAVAILABLE
    }
}
