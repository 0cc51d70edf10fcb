package edu.lanyard.authorize;

import edu.lanyard.common.event.EventMeta;
import edu.lanyard.common.event.SessionEnded;
import edu.lanyard.common.runtime.Platform;
import edu.lanyard.common.session.SessionRecord;
import edu.lanyard.common.store.Sessions;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;

/**
 * Ends an SSO session: forgets it, revokes every token family issued in it and logs {@link SessionEnded}. Used by
 * logout, and by a sign-in that replaces another user's session in the same browser.
 */
final class SessionTerminator {
    private final Platform platform;
    private final Sessions sessions;

    SessionTerminator(Platform platform, Sessions sessions) {
        this.platform = platform;
        this.sessions = sessions;
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
