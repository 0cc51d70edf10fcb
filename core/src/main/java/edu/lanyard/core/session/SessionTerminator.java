package edu.lanyard.core.session;

import edu.lanyard.core.event.SessionEnded;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.metrics.SignInMeters;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.core.store.Sessions;
import edu.lanyard.core.token.TokenRevoker;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Ends SSO sessions: forgets the session, logs {@link SessionEnded} and revokes every token family issued in it.
 * Ending a session is a {@linkplain Ledger#react security reaction}: it takes effect even while the log is down.
 * Used by every logout endpoint, by a sign-in that replaces another user's session in the same browser, and by the
 * operator API; the browser's cookie is the HTTP edge's business, not this class's.
 */
public final class SessionTerminator {
    private final Sessions sessions;
    private final TokenRevoker revoker;
    private final Ledger ledger;
    private final long familyKeepSeconds;
    private final SignInMeters meters;

    /**
     * @param familyKeepSeconds how long a family revoked with its session is remembered: the longest refresh-token
     *                          lifetime, since the session's families are not looked up one by one
     * @param meters            counts the sessions ended, by reason
     */
    public SessionTerminator(Sessions sessions, TokenRevoker revoker, Ledger ledger, long familyKeepSeconds,
                             SignInMeters meters) {
        this.sessions = sessions;
        this.revoker = revoker;
        this.ledger = ledger;
        this.familyKeepSeconds = familyKeepSeconds;
        this.meters = meters;
    }

    public static SessionTerminator of(Platform platform) {
        return new SessionTerminator(platform.sessions(), platform.revoker(), platform.ledger(),
                platform.config().tokens().refreshTokenTtl(), new SignInMeters(platform.meters()));
    }

    /**
     * Logout: ends the session stored under {@code cookieHash}, if there still is one, and revokes its families.
     * Fails (after everything took effect) when the session's end could not be logged.
     */
    public Future<Void> end(String cookieHash, String reason, String ip) {
        return sessions.remove(cookieHash).compose(removed -> {
            if (removed.isEmpty()) {
                return Future.succeededFuture();
            }
            SessionRecord session = removed.get();
            meters.sessionEnded(reason);
            Future<Void> logged = ended(cookieHash, session.subject(), reason, ip, null).logged();
            return sessions.takeGrants(session.sid()).compose(grants -> {
                List<Future<Void>> revoked = new ArrayList<>(grants.size());
                for (String grantId : grants) {
                    revoked.add(revoker.revokeGrant(grantId, null, session.subject(), reason, familyKeepSeconds,
                            ip));
                }
                return Future.all(revoked).compose(all -> logged);
            });
        });
    }

    /** A session closed by {@link #close}: the families it had started, and whether its end reached the log. */
    public record Closed(Set<String> grantIds, boolean logged) {
    }

    /**
     * Ends a session known from elsewhere (the projection) whether or not the cluster still holds it, and hands its
     * families back to the caller, which revokes them together with others it knows of.
     *
     * @param knownSid the session's sid as known to the caller, used when the cluster no longer holds the session
     */
    public Future<Closed> close(String cookieHash, String subject, String knownSid, String reason, String ip) {
        return close(cookieHash, subject, knownSid, reason, ip, null);
    }

    /** As {@link #close(String, String, String, String, String)}, by an operator whom the event names. */
    public Future<Closed> close(String cookieHash, String subject, String knownSid, String reason, String ip,
                                String actor) {
        return sessions.remove(cookieHash).compose(removed -> {
            String sid = removed.map(SessionRecord::sid).orElse(knownSid);
            if (removed.isPresent()) {
                meters.sessionEnded(reason);
            }
            Future<Boolean> logged = ended(cookieHash, subject, reason, ip, actor).appliedThenLogged();
            Future<Set<String>> taken = sid == null ? Future.succeededFuture(Set.of()) : sessions.takeGrants(sid);
            return Future.all(logged, taken).map(both -> new Closed(taken.result(), logged.result()));
        });
    }

    /** The session is already removed when this is called: the reaction's change is the removal just made. */
    private Ledger.Reaction ended(String cookieHash, String subject, String reason, String ip, String actor) {
        return ledger.react(Ledger.by(ip, meta -> new SessionEnded(meta, cookieHash, subject, reason, actor)),
                Future::succeededFuture);
    }
}
