package edu.lanyard.cluster.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import edu.lanyard.core.json.Jsons;
import edu.lanyard.core.store.AuthorizationCodes;
import edu.lanyard.core.store.StoreMaps;
import edu.lanyard.core.token.AuthorizationCodeRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Authorization codes: single use. Redemption removes the code atomically, and only for the client it was issued to,
 * and leaves a marker so that a second redemption is recognised as a replay (and the caller revokes what the first
 * one issued, RFC 6749 §4.1.2).
 */
public final class HazelcastAuthorizationCodes implements AuthorizationCodes {
    /** How long a redeemed code is remembered for replay detection. */
    private static final long REPLAY_MEMORY_SECONDS = 600;

    private final Vertx vertx;
    private final Clock clock;
    private final IMap<String, String> codes;
    private final IMap<String, String> redeemed;

    /** @param clock the clock the stored records' expiry times were computed with */
    public HazelcastAuthorizationCodes(Vertx vertx, HazelcastInstance hazelcast, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
        this.codes = hazelcast.getMap(StoreMaps.CODES);
        this.redeemed = hazelcast.getMap(StoreMaps.REDEEMED_CODES);
    }

    @Override
    public Future<Void> save(String hash, AuthorizationCodeRecord code) {
        return Async.onCaller(vertx, codes.setAsync(hash, Jsons.write(code), TtlSeconds.until(code.expiresAt(), clock),
                TimeUnit.SECONDS));
    }

    /**
     * Takes the code out of the store unconditionally, to discard one; empty if it was never issued, expired, or
     * already redeemed. A token request redeems with {@link #takeIssuedTo}.
     */
    @Override
    public Future<Optional<AuthorizationCodeRecord>> take(String hash) {
        return Async.onCaller(vertx, codes.removeAsync(hash))
                .map(json -> Optional.ofNullable(json).map(j -> Jsons.read(j, AuthorizationCodeRecord.class)));
    }


    /**
     * Takes the code out of the store only if it was issued to {@code clientId}, in one atomic step on the code's
     * partition owner: a client presenting another client's code can neither redeem it nor use it up.
     */
    @Override
    public Future<Redemption> takeIssuedTo(String hash, String clientId) {
        return Async.onCaller(vertx, codes.submitToKey(hash, new TakeIfIssuedTo(clientId))).map(json -> {
            if (json == null) {
                return new Redemption.Absent();
            }
            AuthorizationCodeRecord code = Jsons.read(json, AuthorizationCodeRecord.class);
            return code.clientId().equals(clientId) ? new Redemption.Taken(code)
                    : new Redemption.HeldByAnotherClient();
        });
    }

    /** Puts a taken code back when issuing from it failed, so the client can retry. */
    @Override
    public Future<Void> restore(String hash, AuthorizationCodeRecord code) {
        return save(hash, code);
    }

    /** Remembers who redeemed the code and the grant it started, so that a replay by that client revokes it. */
    @Override
    public Future<Void> rememberRedeemed(String hash, AuthorizationCodeRecord code) {
        String marker = Jsons.write(new RedeemedCode(code.grantId(), code.clientId()));
        return Async.onCaller(vertx, redeemed.setAsync(hash, marker, REPLAY_MEMORY_SECONDS, TimeUnit.SECONDS));
    }

    /** The grant issued from this code, and to which client, if it was already redeemed. */
    @Override
    public Future<Optional<RedeemedCode>> redeemed(String hash) {
        return Async.onCaller(vertx, redeemed.getAsync(hash)).map(marker -> Optional.ofNullable(marker)
                .map(HazelcastAuthorizationCodes::decodeRedeemed));
    }


    /** Older nodes kept only the grant id. */
    private static RedeemedCode decodeRedeemed(String marker) {
        return marker.startsWith("{") ? Jsons.read(marker, RedeemedCode.class) : new RedeemedCode(marker, null);
    }

    /** Runs on the partition owner: removes the code only for its own client, and answers it either way. */
    record TakeIfIssuedTo(String clientId) implements EntryProcessor<String, String, String> {
        @Override
        public String process(Map.Entry<String, String> entry) {
            String json = entry.getValue();
            if (json != null && Jsons.read(json, AuthorizationCodeRecord.class).clientId().equals(clientId)) {
                entry.setValue(null);
            }
            return json;
        }
    }
}
