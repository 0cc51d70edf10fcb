package edu.lanyard.core.token;

/**
 * A token that is valid right now, as introspection and resource endpoints see it.
 *
 * @param kind   which kind of token the presented string was
 * @param claims the OIDC Core §5.5 claims request the token carries, as {@code ClaimsRequest.toJson()}, or null
 */
public record ActiveToken(TokenKind kind, String hash, String grantId, String clientId, String subject,
                          String username, String scope, String grantType, String sessionId, long issuedAt,
                          long expiresAt, String claims) {

    public ActiveToken(TokenKind kind, String hash, String grantId, String clientId, String subject, String username,
                       String scope, String grantType, String sessionId, long issuedAt, long expiresAt) {
        this(kind, hash, grantId, clientId, subject, username, scope, grantType, sessionId, issuedAt, expiresAt,
                null);
    }

    static ActiveToken of(String hash, AccessTokenRecord t) {
        return new ActiveToken(TokenKind.ACCESS_TOKEN, hash, t.grantId(), t.clientId(), t.subject(), t.username(),
                t.scope(), t.grantType(), t.sessionId(), t.issuedAt(), t.diesAt(), t.claims());
    }

    static ActiveToken of(String hash, RefreshTokenRecord t) {
        return new ActiveToken(TokenKind.REFRESH_TOKEN, hash, t.grantId(), t.clientId(), t.subject(), t.username(),
                t.scope(), t.grantType(), t.sessionId(), t.issuedAt(), t.expiresAt(), t.claims());
    }

    public boolean hasScope(String wanted) {
        if (scope == null) {
            return false;
        }
        // Asked on every userinfo call: a scan of the space-separated list, without splitting it into strings.
        for (int at = scope.indexOf(wanted); at >= 0; at = scope.indexOf(wanted, at + 1)) {
            int end = at + wanted.length();
            if ((at == 0 || scope.charAt(at - 1) == ' ') && (end == scope.length() || scope.charAt(end) == ' ')) {
                return true;
            }
        }
        return false;
    }
}
