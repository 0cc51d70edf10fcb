package edu.lanyard.authorize;

import edu.lanyard.authorize.pipeline.PendingAuthorizations;
import edu.lanyard.core.json.Jsons;
import edu.lanyard.core.store.KeyValueMap;
import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.core.token.TokenKind;
import io.vertx.core.Future;

import java.util.Optional;

/** Parked authorization requests in a cluster-shared map, as JSON, for fifteen minutes. */
final class ClusterPendingAuthorizations implements PendingAuthorizations {
    private static final long PENDING_SECONDS = 900;

    private final KeyValueMap pending;

    ClusterPendingAuthorizations(KeyValueMap pending) {
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
