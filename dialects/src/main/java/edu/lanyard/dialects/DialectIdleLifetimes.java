package edu.lanyard.dialects;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.token.IdleLifetimes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sliding idle lifetime of a client's tokens as its product dialect decides it (the first mount of that product,
 * as the introspection endpoint matches clients to dialects). A client of no product, or of a product without one,
 * answers 0 after one map lookup.
 */
public final class DialectIdleLifetimes implements IdleLifetimes {
    private final Map<String, ProductDialect> byName = new HashMap<>();

    public DialectIdleLifetimes(List<ProductDialect> dialects) {
        dialects.forEach(dialect -> byName.putIfAbsent(dialect.name(), dialect));
    }

    @Override
    public long idleSeconds(Client client) {
        ProductDialect dialect = client.dialect() == null ? null : byName.get(client.dialect());
        return dialect == null ? 0 : dialect.accessTokenIdleSeconds(client);
    }
}
