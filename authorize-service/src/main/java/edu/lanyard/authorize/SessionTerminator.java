package edu.lanyard.authorize;

import edu.lanyard.common.event.EventMeta;
import edu.lanyard.common.event.SessionEnded;
import edu.lanyard.common.http.Responses;
import edu.lanyard.common.runtime.Platform;
import edu.lanyard.common.session.SessionRecord;
import edu.lanyard.common.store.Sessions;
import edu.lanyard.common.token.TokenHash;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ends the browser's SSO session, whichever logout endpoint was called (OIDC's or a product's): clears the cookie,
 * removes the session, revokes every token family issued in it and logs {@link SessionEnded}.
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

    /** Ends the browser's session, if it has one; a browser without one is already signed out. */
    public Future<Void> end(RoutingContext ctx) {
        Optional<String> value = cookie.read(ctx);
        cookie.clear(ctx);
        if (value.isEmpty()) {
            return Future.succeededFuture();
        }
        String hash = TokenHash.of(value.get());
        String ip = Responses.clientIp(ctx);
        return sessions.remove(hash).compose(removed -> removed.isEmpty()
                ? Future.succeededFuture()
                : revokeSession(hash, removed.get(), ip));
    }

    private Future<Void> revokeSession(String hash, SessionRecord session, String ip) {
        Future<Void> logged = platform.events().publish(new SessionEnded(EventMeta.now(ip), hash, session.subject(),
                "logout"));
        return sessions.takeGrants(session.sid()).compose(grants -> {
            List<Future<Void>> revocations = new ArrayList<>();
            long keep = platform.config().tokens().refreshTokenTtl();
            for (String grantId : grants) {
                revocations.add(platform.revoker().revokeGrant(grantId, null, session.subject(), "logout", keep,
                        ip));
            }
            return Future.all(revocations).compose(all -> logged);
        });
    }
}
