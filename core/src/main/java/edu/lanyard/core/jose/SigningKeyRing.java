package edu.lanyard.core.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;

import java.util.List;

/** The current private signing key per algorithm, shared by every node of a cluster. */
public interface SigningKeyRing {
    /** The algorithms Lanyard signs with, one active key each. */
    List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);

    /** The key new signatures with {@code algorithm} use. */
    JWK current(JWSAlgorithm algorithm);
}
