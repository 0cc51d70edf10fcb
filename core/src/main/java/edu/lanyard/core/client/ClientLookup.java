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
