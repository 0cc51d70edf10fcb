package edu.lanyard.core.client;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;

/**
 * Decides which client is calling. Confidential clients must prove their secret; public clients may only name
 * themselves. Every failure is the same invalid_client, so an attacker learns nothing about which ids exist.
 */
public final class ClientAuthenticator {
    private final ClientLookup clients;
    private final SecretCheck secrets;

    public ClientAuthenticator(ClientLookup clients, SecretCheck secrets) {
        this.clients = clients;
        this.secrets = secrets;
    }

    public Client authenticate(PresentedCredentials presented) {
        return authenticate(presented, false);
    }

    /** @param idIgnoresCase find the client as {@link ClientLookup#findIgnoringCase} does (a product's switch) */
    public Client authenticate(PresentedCredentials presented, boolean idIgnoresCase) {
        if (presented.clientId() == null) {
            throw failure("client authentication is required", presented);
        }
        Client client = clients.findEnabled(presented.clientId(), idIgnoresCase)
                .orElseThrow(() -> failure("client authentication failed", presented));
        if (client.isPublic()) {
            if (presented.secret() != null && !presented.secret().isEmpty()) {
                throw failure("client authentication failed", presented);
            }
            return client;
        }
        if (presented.secret() == null || !secrets.matches(client.secretHash(), presented.secret())) {
            throw failure("client authentication failed", presented);
        }
        return client;
    }

    private static ClientAuthenticationException failure(String description, PresentedCredentials presented) {
        return new ClientAuthenticationException(OAuthError.invalidClient(description), presented.usedBasic());
    }
}
