package edu.lanyard.authorize;

import edu.lanyard.authorize.pipeline.SessionLookup;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.store.Sessions;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.core.user.UserLookup;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.Optional;

/** SSO sessions from the cluster, stored under the cookie's hash. */
final class ClusterSessionLookup implements SessionLookup {
    private final Sessions sessions;
    private final Clock clock;
    private final long idleSeconds;
    private final UserLookup users;

    /** @param users a session of a user the help desk disabled is no session, even before disabling has ended it */
    ClusterSessionLookup(Sessions sessions, Clock clock, long idleSeconds, UserLookup users) {
        this.sessions = sessions;
        this.users = users;
        this.clock = clock;
        this.idleSeconds = idleSeconds;
    }

    @Override
    public Future<Optional<SessionRecord>> live(String cookieValue) {
        long now = clock.instant().getEpochSecond();
        String hash = TokenHash.of(cookieValue);
        return sessions.find(hash).compose(found -> {
            if (found.isEmpty() || found.get().absoluteExpiresAt() <= now) {
                return Future.succeededFuture(Optional.<SessionRecord>empty());
            }
            return users.bySubject(found.get().subject()).compose(user -> user.isPresent() && user.get().disabled()
                    ? Future.succeededFuture(Optional.<SessionRecord>empty())
                    : sessions.touch(hash, found.get(), idleSeconds).map(found));
        });
    }
}
