package edu.lanyard.common.client;

import edu.lanyard.common.domain.Client;

import java.util.Optional;

/** Finds a registered client; implementations answer from memory (it is on every token request). */
@FunctionalInterface
public interface ClientLookup {
    Optional<Client> find(String clientId);
}
