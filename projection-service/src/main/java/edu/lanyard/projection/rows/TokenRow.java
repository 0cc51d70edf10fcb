package edu.lanyard.projection.rows;

import java.time.Instant;

/**
 * One access token, refresh token or authorization code by hash, or what one event knows about it.
 *
 * @param kind     {@code access_token}, {@code refresh_token} or {@code authorization_code}
 * @param authTime refresh tokens: epoch seconds of the user's authentication
 * @param claims   the OIDC Core §5.5 claims request the token or code carries (normalized JSON), or null
 */
public record TokenRow(String hash, String kind, String grantId, String clientId, String subject, String username,
                       String scope, String grantType, String sessionId, String format, Long authTime,
                       Instant issuedAt, Instant expiresAt, Instant rotatedAt, Instant redeemedAt,
                       Ending revocation, String claims) {

    /** What an event knows of a token without a claims request. */
    public TokenRow(String hash, String kind, String grantId, String clientId, String subject, String username,
                    String scope, String grantType, String sessionId, String format, Long authTime, Instant issuedAt,
                    Instant expiresAt, Instant rotatedAt, Instant redeemedAt, Ending revocation) {
        this(hash, kind, grantId, clientId, subject, username, scope, grantType, sessionId, format, authTime,
                issuedAt, expiresAt, rotatedAt, redeemedAt, revocation, null);
    }

    public static final String ACCESS_TOKEN = "access_token";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String AUTHORIZATION_CODE = "authorization_code";

    /** What a later event adds to what is known: the merge of {@link Merge}, field by field. */
    public TokenRow merge(TokenRow other) {
        return new TokenRow(hash, Merge.known(kind, other.kind), Merge.known(grantId, other.grantId),
                Merge.known(clientId, other.clientId), Merge.known(subject, other.subject),
                Merge.known(username, other.username), Merge.known(scope, other.scope),
                Merge.known(grantType, other.grantType), Merge.known(sessionId, other.sessionId),
                Merge.known(format, other.format), Merge.known(authTime, other.authTime),
                Merge.known(issuedAt, other.issuedAt), Merge.known(expiresAt, other.expiresAt),
                Merge.earliest(rotatedAt, other.rotatedAt), Merge.earliest(redeemedAt, other.redeemedAt),
                Ending.earliest(revocation, other.revocation), Merge.known(claims, other.claims));
    }

    static TokenRow mention(String hash, String kind, String grantId, String clientId) {
        return new TokenRow(hash, kind, grantId, clientId, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    TokenRow rotated(Instant at) {
        return new TokenRow(hash, kind, grantId, clientId, subject, username, scope, grantType, sessionId, format,
                authTime, issuedAt, expiresAt, at, redeemedAt, revocation, claims);
    }

    TokenRow redeemed(Instant at) {
        return new TokenRow(hash, kind, grantId, clientId, subject, username, scope, grantType, sessionId, format,
                authTime, issuedAt, expiresAt, rotatedAt, at, revocation, claims);
    }

    TokenRow revoked(Ending ending) {
        return new TokenRow(hash, kind, grantId, clientId, subject, username, scope, grantType, sessionId, format,
                authTime, issuedAt, expiresAt, rotatedAt, redeemedAt, ending, claims);
    }
}
