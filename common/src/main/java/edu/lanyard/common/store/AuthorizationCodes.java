package edu.lanyard.common.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import edu.lanyard.common.json.Jsons;
import edu.lanyard.common.token.AuthorizationCodeRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Authorization codes: single use. Redemption removes the code atomically and leaves a marker so that a second
 * redemption is recognised as a replay (and the caller revokes what the first one issued, RFC 6749 §4.1.2).
 */
public final class AuthorizationCodes {
    /** How long a redeemed code is remembered for replay detection. */
    private static final long REPLAY_MEMORY_SECONDS = 600;

    private final Vertx vertx;
    private final IMap<String, String> codes;
    private final IMap<String, String> redeemed;

    public AuthorizationCodes(Vertx vertx, HazelcastInstance hazelcast) {
        this.vertx = vertx;
        this.codes = hazelcast.getMap(StoreMaps.CODES);
        this.redeemed = hazelcast.getMap(StoreMaps.REDEEMED_CODES);
    }

    public Future<Void> save(String hash, AuthorizationCodeRecord code) {
        return Async.onCaller(vertx, codes.setAsync(hash, Jsons.write(code), TtlSeconds.until(code.expiresAt()),
                TimeUnit.SECONDS));
    }

    /** Takes the code out of the store; empty if it was never issued, expired, or already redeemed. */
    public Future<Optional<AuthorizationCodeRecord>> take(String hash) {
        return Async.onCaller(vertx, codes.removeAsync(hash))
                .map(json -> Optional.ofNullable(json).map(j -> Jsons.read(j, AuthorizationCodeRecord.class)));
    }

    /** Puts a taken code back when issuing from it failed, so the client can retry. */
    public Future<Void> restore(String hash, AuthorizationCodeRecord code) {
        return save(hash, code);
    }

    public Future<Void> rememberRedeemed(String hash, String grantId) {
        return Async.onCaller(vertx, redeemed.setAsync(hash, grantId, REPLAY_MEMORY_SECONDS, TimeUnit.SECONDS));
    }

    /** The grant issued from this code if it was already redeemed. */
    public Future<Optional<String>> redeemedGrant(String hash) {
        return Async.onCaller(vertx, redeemed.getAsync(hash)).map(Optional::ofNullable);
    }
}
