package edu.lanyard.cluster.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import edu.lanyard.core.json.Jsons;
import edu.lanyard.core.store.AccessTokens;
import edu.lanyard.core.store.StoreMaps;
import edu.lanyard.core.token.AccessTokenRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Live access tokens by hash; an entry lives exactly as long as its token. A revoked token is kept as a
 * {@link Removals} marker so that a cold-started cluster cannot load it again.
 */
public final class HazelcastAccessTokens implements AccessTokens {
    private final Vertx vertx;
    private final Clock clock;
    private final IMap<String, String> map;

    /** @param clock the clock the stored records' expiry times were computed with */
    public HazelcastAccessTokens(Vertx vertx, HazelcastInstance hazelcast, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
        this.map = hazelcast.getMap(StoreMaps.ACCESS_TOKENS);
    }

    @Override
    public Future<Void> save(String hash, AccessTokenRecord token) {
        return Async.onCaller(vertx, map.setAsync(hash, Jsons.write(token), TtlSeconds.until(token.expiresAt(), clock),
                TimeUnit.SECONDS));
    }

    @Override
    public Future<Optional<AccessTokenRecord>> find(String hash) {
        return Async.onCaller(vertx, map.getAsync(hash))
                .map(json -> Optional.ofNullable(Removals.live(json)).map(j -> Jsons.read(j, AccessTokenRecord.class)));
    }

    /**
     * One entry processor on the key's owner: no read-modify-write race between nodes, the entry's expiry (the hard
     * maximum) is kept, and a removed or revoked token is not written back.
     */
    @Override
    public Future<Void> extendIdle(String hash, long idleUntil) {
        return Async.onCaller(vertx, map.submitToKey(hash, new ExtendIdle(idleUntil))).mapEmpty();
    }

    /** Moves a live record's idle deadline later; leaves anything else (absent, marker, later deadline) alone. */
    record ExtendIdle(long idleUntil) implements EntryProcessor<String, String, Void> {
        @Override
        public Void process(Map.Entry<String, String> entry) {
            String json = Removals.live(entry.getValue());
            if (json != null) {
                AccessTokenRecord token = Jsons.read(json, AccessTokenRecord.class);
                if (token.sliding() && token.idleUntil() < idleUntil) {
                    ((ExtendedMapEntry<String, String>) entry).setValueWithoutChangingExpiryTime(
                            Jsons.write(token.idleUntil(idleUntil)));
                }
            }
            return null;
        }
    }

    /** Removes the token; answers the record it removed, if there was one. */
    @Override
    public Future<Optional<AccessTokenRecord>> remove(String hash) {
        return Async.onCaller(vertx, map.submitToKey(hash, new Removals.MarkRemoved()))
                .map(json -> Optional.ofNullable(json).map(j -> Jsons.read(j, AccessTokenRecord.class)));
    }
}
