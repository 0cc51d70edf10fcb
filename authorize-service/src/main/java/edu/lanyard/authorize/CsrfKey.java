package edu.lanyard.authorize;

import edu.lanyard.authorize.page.CsrfTokens;
import edu.lanyard.core.store.SharedMaps;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The CSRF key must be the same on every node (a form served by one node may be posted to another), so the first
 * node to start puts a random key in the cluster and everyone uses it.
 */
final class CsrfKey {
    private CsrfKey() {
    }

    static CsrfTokens shared(SharedMaps maps) {
        byte[] candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        String encoded = Base64.getEncoder().encodeToString(candidate);
        return new CsrfTokens(Base64.getDecoder().decode(maps.settle("lanyard.secrets", "csrf-key", encoded)));
    }
}
