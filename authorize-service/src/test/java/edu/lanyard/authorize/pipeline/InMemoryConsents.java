package edu.lanyard.authorize.pipeline;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Consents in a map; remembers every grant and every lookup. */
final class InMemoryConsents implements Consents {
    record Grant(String subject, String clientId, String scope, String ip) {
    }

    final Map<String, String> granted = new HashMap<>();
    final List<Grant> grants = new ArrayList<>();
    int lookups;

    InMemoryConsents with(String subject, String clientId, String scope) {
        granted.put(subject + "|" + clientId, scope);
        return this;
    }

    @Override
    public Future<Optional<String>> grantedScope(String subject, String clientId) {
        lookups++;
        return Future.succeededFuture(Optional.ofNullable(granted.get(subject + "|" + clientId)));
    }

    @Override
    public Future<Void> grant(String subject, String clientId, String scope, String ip) {
        grants.add(new Grant(subject, clientId, scope, ip));
        granted.put(subject + "|" + clientId, scope);
        return Future.succeededFuture();
    }
}
