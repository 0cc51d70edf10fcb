package edu.lanyard.authorize;

import edu.lanyard.authorize.pipeline.Consents;
import edu.lanyard.core.event.ConsentGranted;
import edu.lanyard.core.event.EventMeta;
import edu.lanyard.core.event.EventPublisher;
import edu.lanyard.core.store.KeyValueMap;
import edu.lanyard.core.token.Scopes;
import io.vertx.core.Future;

import java.util.Optional;

/**
 * Consents in a cluster-shared map keyed by user and client, each grant logged first as {@link ConsentGranted} and kept
 * {@link ConsentGranted#LIFETIME_SECONDS} after the last one.
 */
final class ClusterConsents implements Consents {
    private final EventPublisher events;
    private final KeyValueMap consents;

    ClusterConsents(EventPublisher events, KeyValueMap consents) {
        this.events = events;
        this.consents = consents;
    }

    @Override
    public Future<Optional<String>> grantedScope(String subject, String clientId) {
        return consents.get(key(subject, clientId));
    }

    @Override
    public Future<Void> grant(String subject, String clientId, String scope, String ip) {
        String key = key(subject, clientId);
        Future<Void> logged = events.publish(new ConsentGranted(EventMeta.now(ip), subject, clientId, scope));
        return logged.compose(v -> consents.get(key)).compose(previous -> {
            var merged = Scopes.parse(previous.orElse(""));
            merged.addAll(Scopes.parse(scope));
            return consents.put(key, Scopes.join(merged), ConsentGranted.LIFETIME_SECONDS);
        });
    }

    private static String key(String subject, String clientId) {
        return subject + "|" + clientId;
    }
}
