package edu.lanyard.cluster.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import edu.lanyard.core.json.Jsons;
import edu.lanyard.core.store.AccessTokens;
import edu.lanyard.core.store.StoreMaps;
import edu.lanyard.core.token.AccessTokenRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Live access tokens by hash; an entry lives exactly as long as its token. */
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
                .map(json -> Optional.ofNullable(json).map(j -> Jsons.read(j, AccessTokenRecord.class)));
    }

    /** Removes the token; answers the record it removed, if there was one. */
    @Override
    public Future<Optional<AccessTokenRecord>> remove(String hash) {
        return Async.onCaller(vertx, map.removeAsync(hash))
                .map(json -> Optional.ofNullable(json).map(j -> Jsons.read(j, AccessTokenRecord.class)));
    }
}
