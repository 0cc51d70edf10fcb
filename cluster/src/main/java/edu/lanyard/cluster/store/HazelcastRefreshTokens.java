package edu.lanyard.cluster.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import edu.lanyard.core.json.Jsons;
import edu.lanyard.core.store.RefreshTokens;
import edu.lanyard.core.store.StoreMaps;
import edu.lanyard.core.token.RefreshTokenRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Refresh tokens by hash, with an atomic rotate so two nodes can never both redeem the same token. A revoked token
 * is kept as a {@link Removals} marker so that a cold-started cluster cannot load it again.
 */
public final class HazelcastRefreshTokens implements RefreshTokens {
    private final Vertx vertx;
    private final Clock clock;
    private final IMap<String, String> map;

    /** @param clock the clock the stored records' expiry times were computed with */
    public HazelcastRefreshTokens(Vertx vertx, HazelcastInstance hazelcast, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
        this.map = hazelcast.getMap(StoreMaps.REFRESH_TOKENS);
    }

    @Override
    public Future<Void> save(String hash, RefreshTokenRecord token) {
        return Async.onCaller(vertx, map.setAsync(hash, Jsons.write(token), TtlSeconds.until(token.expiresAt(), clock),
                TimeUnit.SECONDS));
    }

    @Override
    public Future<Optional<RefreshTokenRecord>> find(String hash) {
        return Async.onCaller(vertx, map.getAsync(hash)).map(HazelcastRefreshTokens::decode);
    }

    @Override
    public Future<Optional<RefreshTokenRecord>> markRotated(String hash, String clientId, long now) {
        return Async.onCaller(vertx, map.submitToKey(hash, new Redeem(clientId, now)))
                .map(HazelcastRefreshTokens::decode);
    }

    /** Undoes {@link #markRotated} when the rotation could not be logged or the family turned out revoked. */
    @Override
    public Future<Optional<RefreshTokenRecord>> unmarkRotated(String hash) {
        return Async.onCaller(vertx, map.submitToKey(hash, new Unrotate())).map(HazelcastRefreshTokens::decode);
    }

    @Override
    public Future<Optional<RefreshTokenRecord>> remove(String hash) {
        return Async.onCaller(vertx, map.submitToKey(hash, new Removals.MarkRemoved()))
                .map(HazelcastRefreshTokens::decode);
    }

    private static Optional<RefreshTokenRecord> decode(String json) {
        return Optional.ofNullable(Removals.live(json)).map(j -> Jsons.read(j, RefreshTokenRecord.class));
    }

    /**
     * Runs on the partition owner: marks the token rotated if {@code clientId} may redeem it at {@code now}. Keeps
     * the entry's expiry, so a rotated token still ages out on time.
     */
    record Redeem(String clientId, long now) implements EntryProcessor<String, String, String> {
        @Override
        public String process(Map.Entry<String, String> entry) {
            String before = Removals.live(entry.getValue());
            if (before != null) {
                RefreshTokenRecord token = Jsons.read(before, RefreshTokenRecord.class);
                if (token.redeemableBy(clientId, now)) {
                    ((ExtendedMapEntry<String, String>) entry).setValueWithoutChangingExpiryTime(
                            Jsons.write(token.asRotated()));
                }
            }
            return before;
        }
    }

    /** Runs on the partition owner: clears a rotation mark, keeping the entry's expiry. */
    record Unrotate() implements EntryProcessor<String, String, String> {
        @Override
        public String process(Map.Entry<String, String> entry) {
            String before = Removals.live(entry.getValue());
            if (before != null) {
                RefreshTokenRecord token = Jsons.read(before, RefreshTokenRecord.class);
                if (token.rotated()) {
                    ((ExtendedMapEntry<String, String>) entry).setValueWithoutChangingExpiryTime(
                            Jsons.write(token.withRotated(false)));
                }
            }
            return before;
        }
    }
}
