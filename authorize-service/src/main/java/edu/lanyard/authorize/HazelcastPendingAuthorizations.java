package edu.lanyard.authorize;

import edu.lanyard.authorize.pipeline.PendingAuthorizations;
import edu.lanyard.common.json.Jsons;
import edu.lanyard.common.store.KeyValueMap;
import edu.lanyard.common.token.TokenFormat;
import edu.lanyard.common.token.TokenKind;
import io.vertx.core.Future;

import java.util.Optional;

/** Parked authorization requests in a Hazelcast map, as JSON, for fifteen minutes. */
final class HazelcastPendingAuthorizations implements PendingAuthorizations {
    private static final long PENDING_SECONDS = 900;

    private final KeyValueMap pending;

    HazelcastPendingAuthorizations(KeyValueMap pending) {
        this.pending = pending;
    }

    @Override
    public Future<String> park(AuthorizationRequest request) {
        // As unguessable as a code: the id is all a form needs to take the request up.
        String rid = new TokenFormat.Opaque256().mint(TokenKind.AUTHORIZATION_CODE);
        return pending.put(rid, Jsons.write(request), PENDING_SECONDS).map(rid);
    }

    @Override
    public Future<Optional<AuthorizationRequest>> parked(String rid) {
        if (rid == null || rid.isBlank()) {
            return Future.succeededFuture(Optional.empty());
        }
        return pending.get(rid).map(json -> json.map(j -> Jsons.read(j, AuthorizationRequest.class)));
    }

    @Override
    public Future<Void> forget(String rid) {
        return pending.remove(rid).mapEmpty();
    }
}
