package edu.lanyard.authorize;

import edu.lanyard.authorize.pipeline.Consents;
import edu.lanyard.core.event.ConsentGranted;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.store.KeyValueMap;
import edu.lanyard.core.token.Scopes;
import io.vertx.core.Future;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Consents in a cluster-shared map keyed by user and client, each grant recorded with its {@link ConsentGranted} event and kept
 * {@link ConsentGranted#LIFETIME_SECONDS} after the last one.
 */
final class ClusterConsents implements Consents {
    private final Ledger ledger;
    private final KeyValueMap consents;

    ClusterConsents(Ledger ledger, KeyValueMap consents) {
        this.ledger = ledger;
        this.consents = consents;
    }

    @Override
    public Future<Optional<String>> grantedScope(String subject, String clientId) {
        return consents.get(key(subject, clientId));
    }

    /** A grant in the Ledger: if the log refuses it (durability KAFKA), the consent is put back as it was. */
    @Override
    public Future<Void> grant(String subject, String clientId, String scope, String ip) {
        String key = key(subject, clientId);
        AtomicReference<Optional<String>> before = new AtomicReference<>();
        return ledger.grant(Ledger.by(ip, meta -> new ConsentGranted(meta, subject, clientId, scope)),
                () -> consents.get(key).compose(previous -> {
                    before.set(previous);
                    var merged = Scopes.parse(previous.orElse(""));
                    merged.addAll(Scopes.parse(scope));
                    return consents.put(key, Scopes.join(merged), ConsentGranted.LIFETIME_SECONDS);
                }),
                () -> {
                    Optional<String> previous = before.get();
                    if (previous == null) {
                        return Future.succeededFuture();
                    }
                    return previous.isPresent()
                            ? consents.put(key, previous.get(), ConsentGranted.LIFETIME_SECONDS)
                            : consents.remove(key);
                });
    }

    private static String key(String subject, String clientId) {
        return subject + "|" + clientId;
    }
}
