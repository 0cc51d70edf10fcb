package edu.lanyard.authorize;

import edu.lanyard.core.domain.User;
import edu.lanyard.core.event.SessionStarted;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.core.token.TokenKind;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The SSO session after a credential sign-in, whichever protocol's login form it came through (the OAuth login page,
 * CAS's {@code /login}): one session and one cookie serve every dialect.
 */
public final class SessionEstablisher {
    private final SignInFlow flow;
    private final Platform platform;

    public SessionEstablisher(SignInFlow flow) {
        this.flow = flow;
        this.platform = flow.platform();
    }

    /**
     * Signing in again as the session's own user (prompt=login, max_age) renews that session, so it keeps its sid
     * and logout still reaches the tokens issued before; signing in as someone else ends the other user's session
     * first, as a logout would.
     */
    public Future<SessionRecord> establish(RoutingContext ctx, User user, String clientId, String ip) {
        Optional<String> cookieHash = flow.cookie().read(ctx).map(TokenHash::of);
        return flow.currentSession(ctx).compose(current -> {
            if (current.isPresent() && current.get().subject().equals(user.subject())) {
                return renewSession(cookieHash.orElseThrow(), current.get(), clientId, ip);
            }
            Future<Void> previousEnded = cookieHash.isPresent()
                    ? flow.terminator().end(cookieHash.get(), "replaced", ip)
                    : Future.succeededFuture();
            return previousEnded.compose(v -> startSession(ctx, user, clientId, ip));
        });
    }

    private Future<SessionRecord> startSession(RoutingContext ctx, User user, String clientId, String ip) {
        long now = platform.clock().instant().getEpochSecond();
        String cookieValue = new TokenFormat.Opaque256().mint(TokenKind.ACCESS_TOKEN);
        SessionRecord session = new SessionRecord(UUID.randomUUID().toString(), user.subject(), user.username(),
                now, now + platform.config().login().sessionMaxSeconds());
        String cookieHash = TokenHash.of(cookieValue);
        return store(cookieHash, session, clientId, ip, () -> flow.sessions().remove(cookieHash)).map(v -> {
            flow.cookie().set(ctx, cookieValue);
            return session;
        });
    }

    private Future<SessionRecord> renewSession(String cookieHash, SessionRecord current, String clientId, String ip) {
        long now = platform.clock().instant().getEpochSecond();
        SessionRecord renewed = new SessionRecord(current.sid(), current.subject(), current.username(), now,
                current.absoluteExpiresAt());
        long idle = platform.config().login().sessionIdleSeconds();
        return store(cookieHash, renewed, clientId, ip, () -> flow.sessions().save(cookieHash, current, idle))
                .map(renewed);
    }

    /**
     * Saves the session and logs it, a grant in the Ledger: the cookie is set only once both are done, and in mode
     * KAFKA a failed log undoes the save. A renewal logs SessionStarted again, same hash, new auth_time; undoing it
     * puts the session back as it was.
     */
    private Future<Void> store(String cookieHash, SessionRecord session, String clientId, String ip,
                               Supplier<Future<?>> undo) {
        long idle = platform.config().login().sessionIdleSeconds();
        return platform.ledger().grant(Ledger.by(ip, meta -> new SessionStarted(meta, cookieHash,
                        session.subject(), session.username(), clientId, session.authTime(),
                        session.authTime() + idle, session.absoluteExpiresAt(), session.sid())),
                () -> flow.sessions().save(cookieHash, session, idle), undo);
    }

}
