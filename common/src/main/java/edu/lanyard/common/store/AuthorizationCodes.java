package edu.lanyard.common.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import edu.lanyard.common.json.Jsons;
import edu.lanyard.common.token.AuthorizationCodeRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Authorization codes: single use. Redemption removes the code atomically, and only for the client it was issued to,
 * and leaves a marker so that a second redemption is recognised as a replay (and the caller revokes what the first
 * one issued, RFC 6749 §4.1.2).
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

    /**
     * Takes the code out of the store unconditionally, to discard one; empty if it was never issued, expired, or
     * already redeemed. A token request redeems with {@link #takeIssuedTo}.
     */
    public Future<Optional<AuthorizationCodeRecord>> take(String hash) {
        return Async.onCaller(vertx, codes.removeAsync(hash))
                .map(json -> Optional.ofNullable(json).map(j -> Jsons.read(j, AuthorizationCodeRecord.class)));
    }

    /** What a token request found under a code. */
    public sealed interface Redemption {
        /** The code was issued to the requesting client and is now out of the store: this request redeems it. */
        record Taken(AuthorizationCodeRecord code) implements Redemption {
        }

        /** The code belongs to another client; it was left in the store, still redeemable by its owner. */
        record HeldByAnotherClient() implements Redemption {
        }

        /** Never issued, expired, or already redeemed. */
        record Absent() implements Redemption {
        }
    }

    /**
     * Takes the code out of the store only if it was issued to {@code clientId}, in one atomic step on the code's
     * partition owner: a client presenting another client's code can neither redeem it nor use it up.
     */
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
    public Future<Void> restore(String hash, AuthorizationCodeRecord code) {
        return save(hash, code);
    }

    /** Remembers who redeemed the code and the grant it started, so that a replay by that client revokes it. */
    public Future<Void> rememberRedeemed(String hash, AuthorizationCodeRecord code) {
        String marker = Jsons.write(new RedeemedCode(code.grantId(), code.clientId()));
        return Async.onCaller(vertx, redeemed.setAsync(hash, marker, REPLAY_MEMORY_SECONDS, TimeUnit.SECONDS));
    }

    /** The grant issued from this code, and to which client, if it was already redeemed. */
    public Future<Optional<RedeemedCode>> redeemed(String hash) {
        return Async.onCaller(vertx, redeemed.getAsync(hash)).map(marker -> Optional.ofNullable(marker)
                .map(AuthorizationCodes::decodeRedeemed));
    }

    /** A redeemed code: the grant it started and the client it was issued to (null in a marker of an older node). */
    public record RedeemedCode(String grantId, String clientId) {
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
