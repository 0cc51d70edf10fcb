package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import io.vertx.core.Future;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Parked requests in a map, under ids {@code rid-1}, {@code rid-2}, ... */
final class InMemoryPendingAuthorizations implements PendingAuthorizations {
    final Map<String, AuthorizationRequest> parked = new LinkedHashMap<>();

    @Override
    public Future<String> park(AuthorizationRequest request) {
        String rid = "rid-" + (parked.size() + 1);
        parked.put(rid, request);
        return Future.succeededFuture(rid);
    }

    @Override
    public Future<Optional<AuthorizationRequest>> parked(String rid) {
        return Future.succeededFuture(Optional.ofNullable(parked.get(rid)));
    }

    @Override
    public Future<Void> forget(String rid) {
        parked.remove(rid);
        return Future.succeededFuture();
    }
}
