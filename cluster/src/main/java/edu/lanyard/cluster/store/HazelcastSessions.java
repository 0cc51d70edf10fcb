package edu.lanyard.cluster.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import edu.lanyard.core.json.Jsons;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.store.Sessions;
import edu.lanyard.core.store.StoreMaps;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * SSO sessions by cookie hash, living for the idle timeout (renewed on use) but never past their absolute end; and
 * the token families issued in each session, so that logout can revoke them. An ended session and a grant list
 * taken at logout are kept as {@link Removals} markers so that a cold-started cluster cannot load them again.
 */
public final class HazelcastSessions implements Sessions {
    private final Vertx vertx;
    private final Clock clock;
    private final IMap<String, String> sessions;
    private final IMap<String, String> sessionGrants;

    /** @param clock the clock the stored records' expiry times were computed with */
    public HazelcastSessions(Vertx vertx, HazelcastInstance hazelcast, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
        this.sessions = hazelcast.getMap(StoreMaps.SESSIONS);
        this.sessionGrants = hazelcast.getMap(StoreMaps.SESSION_GRANTS);
    }

    @Override
    public Future<Void> save(String cookieHash, SessionRecord session, long idleSeconds) {
        return Async.onCaller(vertx, sessions.setAsync(cookieHash, Jsons.write(session),
                ttl(session, idleSeconds), TimeUnit.SECONDS));
    }

    @Override
    public Future<Optional<SessionRecord>> find(String cookieHash) {
        return Async.onCaller(vertx, sessions.getAsync(cookieHash))
                .map(json -> Optional.ofNullable(Removals.live(json)).map(j -> Jsons.read(j, SessionRecord.class)));
    }

    /** Extends the idle timeout after activity. */
    @Override
    public Future<Void> touch(String cookieHash, SessionRecord session, long idleSeconds) {
        return save(cookieHash, session, idleSeconds);
    }

    @Override
    public Future<Optional<SessionRecord>> remove(String cookieHash) {
        return Async.onCaller(vertx, sessions.submitToKey(cookieHash, new Removals.MarkRemoved()))
                .map(json -> Optional.ofNullable(json).map(j -> Jsons.read(j, SessionRecord.class)));
    }

    /**
     * Links a token family to the session so logout can revoke it.
     *
     * @param keepSeconds how long the session's grant list is kept; every call resets it, so pass the session's
     *                    remaining life (the same for every grant of the session), not a token lifetime
     */
    @Override
    public Future<Void> addGrant(String sid, String grantId, long keepSeconds) {
        return Async.onCaller(vertx, sessionGrants.submitToKey(sid, new AddGrant(grantId, keepSeconds)))
                .mapEmpty();
    }

    @Override
    public Future<Set<String>> takeGrants(String sid) {
        return Async.onCaller(vertx, sessionGrants.submitToKey(sid, new Removals.MarkRemoved()))
                .map(HazelcastSessions::split);
    }

    private static Set<String> split(String joined) {
        return joined == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(joined.split(",")));
    }

    private long ttl(SessionRecord session, long idleSeconds) {
        long remaining = session.absoluteExpiresAt() - clock.instant().getEpochSecond();
        return Math.max(1, Math.min(idleSeconds, remaining));
    }

    record AddGrant(String grantId, long keepSeconds) implements EntryProcessor<String, String, Void> {
        @Override
        public Void process(Map.Entry<String, String> entry) {
            String current = Removals.live(entry.getValue());
            String next = current == null ? grantId : current + "," + grantId;
            ((ExtendedMapEntry<String, String>) entry).setValue(next, keepSeconds, TimeUnit.SECONDS);
            return null;
        }
    }
}
