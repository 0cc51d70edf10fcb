package edu.lanyard.authorize;

import com.hazelcast.core.HazelcastInstance;
import edu.lanyard.authorize.page.CsrfTokens;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The CSRF key must be the same on every node (a form served by one node may be posted to another), so the first
 * node to start puts a random key in the cluster and everyone uses it.
 */
final class CsrfKey {
    private CsrfKey() {
    }

    static CsrfTokens shared(HazelcastInstance hazelcast) {
        byte[] candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        String encoded = Base64.getEncoder().encodeToString(candidate);
        String winner = hazelcast.<String, String>getMap("lanyard.secrets").putIfAbsent("csrf-key", encoded);
        return new CsrfTokens(Base64.getDecoder().decode(winner != null ? winner : encoded));
    }
}
