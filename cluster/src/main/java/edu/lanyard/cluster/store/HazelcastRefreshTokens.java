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
        return Async.onCaller(vertx, map.submitToKey(hash, RotationMark.redeemedBy(clientId, now)))
                .map(HazelcastRefreshTokens::decode);
    }

    @Override
    public Future<Optional<RefreshTokenRecord>> unmarkRotated(String hash) {
        return Async.onCaller(vertx, map.submitToKey(hash, RotationMark.undone())).map(HazelcastRefreshTokens::decode);
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
     * Runs on the partition owner: sets the rotation mark ({@code redeemingClient} non-null: only if that client may
     * redeem the token at {@code now}) or clears it, and answers the entry as it was. Keeps the entry's expiry, so a
     * rotated token still ages out on time. (Not named like the earlier {@code SetRotated(boolean)}: a member of the
     * previous version must fail on this class, not read it as that one with its flag missing, that is "unmark".)
     */
    record RotationMark(boolean mark, String redeemingClient, long now)
            implements EntryProcessor<String, String, String> {
        static RotationMark redeemedBy(String clientId, long now) {
            return new RotationMark(true, clientId, now);
        }

        static RotationMark undone() {
            return new RotationMark(false, null, 0);
        }

        @Override
        public String process(Map.Entry<String, String> entry) {
            String before = Removals.live(entry.getValue());
            if (before != null) {
                RefreshTokenRecord token = Jsons.read(before, RefreshTokenRecord.class);
                boolean change = mark
                        ? token.redemptionBy(redeemingClient, now) == RefreshTokenRecord.Redemption.REDEEMABLE
                        : token.rotated();
                if (change) {
                    ((ExtendedMapEntry<String, String>) entry).setValueWithoutChangingExpiryTime(
                            Jsons.write(token.withRotated(mark)));
                }
            }
            return before;
        }
    }
}
