package edu.lanyard.authorize;

import edu.lanyard.core.event.EventMeta;
import edu.lanyard.core.event.SessionEnded;
import edu.lanyard.dialects.http.Responses;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.store.Sessions;
import edu.lanyard.core.token.TokenHash;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ends an SSO session: forgets it, revokes every token family issued in it and logs {@link SessionEnded}. Used by
 * every logout endpoint (OIDC's and the products'), and by a sign-in that replaces another user's session in the
 * same browser.
 */
public final class SessionTerminator {
    private final Platform platform;
    private final Sessions sessions;
    private final SessionCookie cookie;

    public SessionTerminator(Platform platform, Sessions sessions, SessionCookie cookie) {
        this.platform = platform;
        this.sessions = sessions;
        this.cookie = cookie;
    }

    /** Ends the browser's session, if it has one, and clears its cookie; a browser without one is signed out. */
    public Future<Void> end(RoutingContext ctx) {
        Optional<String> value = cookie.read(ctx);
        cookie.clear(ctx);
        if (value.isEmpty()) {
            return Future.succeededFuture();
        }
        return end(TokenHash.of(value.get()), "logout", Responses.clientIp(ctx));
    }

    /** Ends the session stored under {@code cookieHash}, if there still is one. */
    Future<Void> end(String cookieHash, String reason, String ip) {
        return sessions.remove(cookieHash).compose(removed -> removed.isEmpty()
                ? Future.succeededFuture()
                : revoke(cookieHash, removed.get(), reason, ip));
    }

    private Future<Void> revoke(String cookieHash, SessionRecord session, String reason, String ip) {
        Future<Void> logged = platform.events().publish(new SessionEnded(EventMeta.now(ip), cookieHash,
                session.subject(), reason));
        return sessions.takeGrants(session.sid()).compose(grants -> {
            List<Future<Void>> revocations = new ArrayList<>();
            long keep = platform.config().tokens().refreshTokenTtl();
            for (String grantId : grants) {
                revocations.add(platform.revoker().revokeGrant(grantId, null, session.subject(), reason, keep, ip));
            }
            return Future.all(revocations).compose(all -> logged);
        });
    }
}
