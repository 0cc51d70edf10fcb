package edu.lanyard.core.operator;

import edu.lanyard.core.token.TokenValidator;
import edu.lanyard.core.user.UserLookup;
import io.vertx.core.Future;

/**
 * Decides, on every request, whether a bearer token lets its holder operate Lanyard: it must be an active access
 * token (known to the cluster, unexpired, its family not revoked) issued to the console's own client, and its user
 * must hold the operator role right now. The user is read again each time (from the directory cache, which every
 * change invalidates), so removing the role or disabling the user takes effect at the next request, not when the
 * token expires.
 */
public final class ConsoleOperators {
    private final TokenValidator tokens;
    private final UserLookup users;
    private final OperatorRole role;

    public ConsoleOperators(TokenValidator tokens, UserLookup users, OperatorRole role) {
        this.tokens = tokens;
        this.users = users;
        this.role = role;
    }

    public Future<ConsoleAccess> check(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank() || bearerToken.length() > 4096) {
            return Future.succeededFuture(new ConsoleAccess.NotConsoleToken());
        }
        return tokens.accessToken(bearerToken).compose(active -> {
            if (active.isEmpty() || !ConsoleClient.CLIENT_ID.equals(active.get().clientId())
                    || active.get().subject() == null) {
                return Future.succeededFuture(new ConsoleAccess.NotConsoleToken());
            }
            String subject = active.get().subject();
            return users.bySubject(subject).map(user -> user.isPresent() && role.heldBy(user.get())
                    ? new ConsoleAccess.Operator(subject, user.get().username())
                    : new ConsoleAccess.NotOperator(subject, user.map(u -> u.username()).orElse(null)));
        });
    }

    /** The bearer credential of an {@code Authorization} header, or null. */
    public static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
