package edu.lanyard.dialects;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.User;
import edu.lanyard.core.token.ActiveToken;

import java.util.Optional;

/**
 * What a profile endpoint knows when the token is good: the user it belongs to (docs/products.md decision 6: one
 * record, many shapes), the token, and the client it was issued to (for per-client attribute mappings and
 * whitelists).
 */
public record ProfileSource(User user, ActiveToken token, Optional<Client> client) {

    public Client clientOrNull() {
        return client.orElse(null);
    }
}
