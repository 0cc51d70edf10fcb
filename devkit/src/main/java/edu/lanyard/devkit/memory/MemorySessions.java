package edu.lanyard.devkit.memory;

import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.store.Sessions;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** SSO sessions in memory: each lives for its idle timeout, never past its absolute end, with its token families. */
public final class MemorySessions extends MemoryStore implements Sessions {
    private final Clock clock;
    private final ExpiringEntries<SessionRecord> sessions;
    private final ExpiringEntries<Set<String>> sessionGrants;

    public MemorySessions(Clock clock) {
        this.clock = clock;
        this.sessions = new ExpiringEntries<>(clock);
        this.sessionGrants = new ExpiringEntries<>(clock);
    }

    @Override
    public Future<Void> save(String cookieHash, SessionRecord session, long idleSeconds) {
        return run(() -> sessions.put(cookieHash, session, sessions.endAfterSeconds(ttl(session, idleSeconds))));
    }

    @Override
    public Future<Optional<SessionRecord>> find(String cookieHash) {
        return answer(() -> sessions.get(cookieHash));
    }

    @Override
    public Future<Void> touch(String cookieHash, SessionRecord session, long idleSeconds) {
        return save(cookieHash, session, idleSeconds);
    }

    @Override
    public Future<Optional<SessionRecord>> remove(String cookieHash) {
        return answer(() -> sessions.remove(cookieHash));
    }

    /** As the entry processor: appends the grant and resets the list's lifetime, in one step. */
    @Override
    public Future<Void> addGrant(String sid, String grantId, long keepSeconds) {
        return run(() -> sessionGrants.compute(sid, entry -> {
            Set<String> grants = new LinkedHashSet<>(entry == null ? Set.of() : entry.value());
            grants.add(grantId);
            return new ExpiringEntries.Entry<>(Set.copyOf(grants), sessionGrants.endAfterSeconds(keepSeconds));
        }));
    }

    @Override
    public Future<Set<String>> takeGrants(String sid) {
        return answer(() -> sessionGrants.remove(sid).orElse(Set.of()));
    }

    private long ttl(SessionRecord session, long idleSeconds) {
        long remaining = session.absoluteExpiresAt() - clock.instant().getEpochSecond();
        return Math.max(1, Math.min(idleSeconds, remaining));
    }
}
