package edu.lanyard.projection.admin;

import edu.lanyard.core.runtime.Platform;
import edu.lanyard.core.session.SessionTerminator;
import edu.lanyard.core.token.TokenRevoker;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Revokes everything of a user or of a client, with the same {@link TokenRevoker} and {@link SessionTerminator} as
 * the token and sign-in endpoints: security reactions in the Ledger, each family marked revoked in Hazelcast first
 * (it takes effect at once, on every node) and its {@code GrantRevoked} logged after; each session removed and its
 * {@code SessionEnded} logged. Families the projector has not seen yet are not found; the answer says how far behind
 * it was.
 */
final class AdminRevocations {
    private static final String REASON = "admin";
    private static final int CONCURRENCY = 64;

    private final Platform platform;
    private final SessionTerminator terminator;
    private final AdminQueries queries;

    AdminRevocations(Platform platform, AdminQueries queries) {
        this.platform = platform;
        this.terminator = SessionTerminator.of(platform);
        this.queries = queries;
    }

    /** The outcome: how much was revoked, and how many events the log did not take. */
    record Outcome(int grants, int sessions, int unlogged) {
        JsonObject toJson() {
            return new JsonObject().put("grants_revoked", grants).put("sessions_ended", sessions)
                    .put("events_unlogged", unlogged);
        }
    }

    Future<Outcome> revokeUser(String subject, String ip, String actor) {
        AtomicInteger unlogged = new AtomicInteger();
        return queries.sessionsOf(subject).compose(live -> endSessions(live, subject, ip, actor, unlogged))
                .compose(ended -> queries.grantsOfSubject(subject).compose(grants -> {
                    Map<String, GrantView> all = new LinkedHashMap<>();
                    grants.forEach(grant -> all.put(grant.grantId(), grant));
                    ended.grantIds().forEach(grantId -> all.putIfAbsent(grantId, new GrantView(grantId, null,
                            subject, null, null, null, null, null, null)));
                    return revokeGrants(List.copyOf(all.values()), ip, actor, unlogged)
                            .map(count -> new Outcome(count, ended.sessions(), unlogged.get()));
                }));
    }

    Future<Outcome> revokeClient(String clientId, String ip, String actor) {
        AtomicInteger unlogged = new AtomicInteger();
        return queries.grantsOfClient(clientId)
                .compose(grants -> revokeGrants(grants, ip, actor, unlogged))
                .map(count -> new Outcome(count, 0, unlogged.get()));
    }

    /**
     * Ends one live session of the user, and revokes the families started in it, as a logout would. A session the
     * projections do not (or no longer) hold as live is a 404.
     */
    Future<Outcome> endSession(String subject, String sid, String ip, String actor) {
        AtomicInteger unlogged = new AtomicInteger();
        return queries.sessionsOf(subject).compose(live -> {
            List<SessionView> matching = live.stream().filter(session -> sid.equals(session.sid())).toList();
            if (matching.isEmpty()) {
                return Future.failedFuture(AdminException.notFound("no live session " + sid + " of this user"));
            }
            return endSessions(matching, subject, ip, actor, unlogged).compose(ended -> revokeGrants(
                    ended.grantIds().stream().map(grantId -> new GrantView(grantId, null, subject, null, null, null,
                            null, null, null)).toList(), ip, actor, unlogged)
                    .map(count -> new Outcome(count, ended.sessions(), unlogged.get())));
        });
    }

    /** Revokes one token family that may still hold valid tokens; an unknown or already revoked one is a 404. */
    Future<Outcome> revokeGrant(String grantId, String ip, String actor) {
        AtomicInteger unlogged = new AtomicInteger();
        return queries.liveGrant(grantId).compose(found -> found
                .map(grant -> revokeGrants(List.of(grant), ip, actor, unlogged)
                        .map(count -> new Outcome(count, 0, unlogged.get())))
                .orElseGet(() -> Future.failedFuture(AdminException.notFound("no live grant " + grantId))));
    }

    /** Sessions ended, and the families they had started (which logout would have revoked). */
    private record Ended(int sessions, Set<String> grantIds) {
    }

    private Future<Ended> endSessions(List<SessionView> live, String subject, String ip, String actor,
                                      AtomicInteger unlogged) {
        Set<String> grantIds = new LinkedHashSet<>();
        AtomicInteger ended = new AtomicInteger();
        Future<Void> chain = Future.succeededFuture();
        for (SessionView session : live) {
            chain = chain.compose(v -> terminator.close(session.sessionHash(), subject, session.sid(), REASON, ip,
                    actor)
                    .map(closed -> {
                        ended.incrementAndGet();
                        grantIds.addAll(closed.grantIds());
                        if (!closed.logged()) {
                            unlogged.incrementAndGet();
                        }
                        return null;
                    }));
        }
        return chain.map(v -> new Ended(ended.get(), grantIds));
    }

    private Future<Integer> revokeGrants(List<GrantView> grants, String ip, String actor, AtomicInteger unlogged) {
        Future<Void> chain = Future.succeededFuture();
        for (int from = 0; from < grants.size(); from += CONCURRENCY) {
            List<GrantView> slice = grants.subList(from, Math.min(grants.size(), from + CONCURRENCY));
            chain = chain.compose(v -> {
                List<Future<Void>> revoked = new ArrayList<>(slice.size());
                slice.forEach(grant -> revoked.add(revoke(grant, ip, actor, unlogged)));
                return Future.all(revoked).mapEmpty();
            });
        }
        return chain.map(grants.size());
    }

    /** A revocation already applied stays applied when its event cannot be logged; the operator is told. */
    private Future<Void> revoke(GrantView grant, String ip, String actor, AtomicInteger unlogged) {
        return platform.revoker().revokeFamily(grant.grantId(), grant.clientId(), grant.subject(), REASON,
                keepSeconds(grant), ip, actor).appliedThenLogged().map(logged -> {
                    if (!logged) {
                        unlogged.incrementAndGet();
                    }
                    return null;
                });
    }

    /** Long enough for the longest token the family holds, or may still get from a pending code. */
    private long keepSeconds(GrantView grant) {
        if (grant.expiresAt() != null) {
            return Math.max(1, grant.expiresAt().getEpochSecond() - platform.clock().instant().getEpochSecond());
        }
        return Optional.ofNullable(grant.clientId()).flatMap(platform.clients()::find)
                .map(client -> Math.max(client.refreshTokenTtl(), client.accessTokenTtl()))
                .orElse(platform.config().tokens().refreshTokenTtl());
    }
}
