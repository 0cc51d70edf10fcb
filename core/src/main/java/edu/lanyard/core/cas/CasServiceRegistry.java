package edu.lanyard.core.cas;

import java.util.Collection;
import java.util.Optional;

/** The registered CAS services, read from memory: the protocol endpoints never wait for Postgres. */
public interface CasServiceRegistry {

    /** The first registered service (in import order) accepting {@code url}; empty for none or a null url. */
    Optional<CasService> find(String url);

    Collection<CasService> all();

    /** No services: a node without the CAS protocol. */
    CasServiceRegistry NONE = new CasServiceRegistry() {
        @Override
        public Optional<CasService> find(String url) {
            return Optional.empty();
        }

        @Override
        public Collection<CasService> all() {
            return java.util.List.of();
        }
    };
}
