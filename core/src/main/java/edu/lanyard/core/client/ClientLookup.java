package edu.lanyard.core.client;

import edu.lanyard.core.domain.Client;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds a registered client; implementations answer from memory (it is on every token request). */
@FunctionalInterface
public interface ClientLookup {
    Optional<Client> find(String clientId);

    /**
     * The client of this id, or else the one client whose id differs only in case: what a product that kept its
     * clients in a case-insensitive MySQL column found (the PHP SSO). Two ids equal but for case are ambiguous, so
     * neither is found that way.
     */
    default Optional<Client> findIgnoringCase(String clientId) {
        Optional<Client> exact = find(clientId);
        if (exact.isPresent()) {
            return exact;
        }
        List<Client> matches = all().stream().filter(c -> c.clientId().equalsIgnoreCase(clientId)).limit(2).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /**
     * The client of this id unless an operator disabled it: what every place that lets a client act asks (client
     * authentication, the start and continuation of a sign-in). Places that only look at a token the client
     * already holds use {@link #find}, so those tokens keep working until revoked.
     */
    default Optional<Client> findEnabled(String clientId) {
        return find(clientId).filter(client -> !client.disabled());
    }

    /**
     * {@link #findEnabled}, or with {@code ignoringCase} (a product's switch) {@link #findIgnoringCase} unless the client
     * found is disabled.
     */
    default Optional<Client> findEnabled(String clientId, boolean ignoringCase) {
        return ignoringCase ? findIgnoringCase(clientId).filter(client -> !client.disabled()) : findEnabled(clientId);
    }

    /**
     * Every registered client, for the product logouts that name only a return address (CAS {@code service}): it
     * is followed only if some client registered it. A lookup that cannot list answers none.
     */
    default Collection<Client> all() {
        return List.of();
    }

    /**
     * The origins of every client's registered redirect URIs ({@link BrowserOrigins}), which the browser-facing
     * endpoints answer CORS requests from. Implementations over many clients should keep the set and recompute it
     * only when the clients change; this default computes it on every call.
     */
    default Set<String> browserOrigins() {
        return BrowserOrigins.of(all());
    }
}
