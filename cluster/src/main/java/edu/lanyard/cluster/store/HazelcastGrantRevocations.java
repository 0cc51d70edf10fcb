package edu.lanyard.cluster.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import edu.lanyard.core.store.GrantRevocations;
import edu.lanyard.core.store.StoreMaps;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.concurrent.TimeUnit;

/**
 * Revoked token families. Revoking a grant makes every access and refresh token that carries its id invalid at once,
 * wherever the tokens are, without having to enumerate them. The marker outlives the longest token of the family.
 */
public final class HazelcastGrantRevocations implements GrantRevocations {
    private final Vertx vertx;
    private final IMap<String, String> map;

    public HazelcastGrantRevocations(Vertx vertx, HazelcastInstance hazelcast) {
        this.vertx = vertx;
        this.map = hazelcast.getMap(StoreMaps.REVOKED_GRANTS);
    }

    @Override
    public Future<Void> revoke(String grantId, String reason, long keepSeconds) {
        return Async.onCaller(vertx, map.setAsync(grantId, reason, Math.max(1, keepSeconds), TimeUnit.SECONDS));
    }

    @Override
    public Future<Boolean> isRevoked(String grantId) {
        if (grantId == null) {
            return Future.succeededFuture(false);
        }
        return Async.onCaller(vertx, map.getAsync(grantId)).map(reason -> reason != null);
    }

    /** Rolls back a revocation that could not be logged. */
    @Override
    public Future<Void> forget(String grantId) {
        return Async.onCaller(vertx, map.deleteAsync(grantId)).mapEmpty();
    }
}
