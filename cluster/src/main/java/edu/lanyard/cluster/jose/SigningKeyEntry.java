package edu.lanyard.cluster.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;

import java.time.Instant;
import java.util.Objects;

/**
 * One key of the signing ring in this process's memory: the private JWK plus its lifecycle. Stored sealed, see
 * {@link SigningKeyCodec}.
 *
 * @param retireUntil when a retired key leaves the published JWKS; null while the key is current
 */
record SigningKeyEntry(JWK jwk, JWSAlgorithm algorithm, Instant created, State state, Instant retireUntil) {

    enum State { CURRENT, RETIRED }

    SigningKeyEntry {
        Objects.requireNonNull(jwk, "jwk");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(state, "state");
        if (jwk.getKeyID() == null || !jwk.isPrivate()) {
            throw new IllegalArgumentException("a signing key needs a kid and its private part");
        }
        if ((state == State.RETIRED) != (retireUntil != null)) {
            throw new IllegalArgumentException("retireUntil is set exactly when the key is retired");
        }
    }

    static SigningKeyEntry current(JWK jwk, JWSAlgorithm algorithm, Instant created) {
        return new SigningKeyEntry(jwk, algorithm, created, State.CURRENT, null);
    }

    SigningKeyEntry retire(Instant until) {
        return new SigningKeyEntry(jwk, algorithm, created, State.RETIRED, until);
    }

    String kid() {
        return jwk.getKeyID();
    }

    boolean isCurrent() {
        return state == State.CURRENT;
    }

    boolean isPublishedAt(Instant now) {
        return isCurrent() || now.isBefore(retireUntil);
    }
}
