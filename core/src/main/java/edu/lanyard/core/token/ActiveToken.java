package edu.lanyard.core.token;

/**
 * A token that is valid right now, as introspection and resource endpoints see it.
 *
 * @param kind which kind of token the presented string was
 */
public record ActiveToken(TokenKind kind, String hash, String grantId, String clientId, String subject,
                          String username, String scope, String grantType, String sessionId, long issuedAt,
                          long expiresAt) {

    static ActiveToken of(String hash, AccessTokenRecord t) {
        return new ActiveToken(TokenKind.ACCESS_TOKEN, hash, t.grantId(), t.clientId(), t.subject(), t.username(),
                t.scope(), t.grantType(), t.sessionId(), t.issuedAt(), t.expiresAt());
    }

    static ActiveToken of(String hash, RefreshTokenRecord t) {
        return new ActiveToken(TokenKind.REFRESH_TOKEN, hash, t.grantId(), t.clientId(), t.subject(), t.username(),
                t.scope(), t.grantType(), t.sessionId(), t.issuedAt(), t.expiresAt());
    }

    public boolean hasScope(String wanted) {
        if (scope == null) {
            return false;
        }
        for (String s : scope.split(" ")) {
            if (s.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
