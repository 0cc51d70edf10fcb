package edu.lanyard.devkit.memory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import edu.lanyard.core.jose.SigningKeyRing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One freshly generated key per algorithm, held in memory: a key ring for tests, without a cluster. */
public final class MemorySigningKeyRing implements SigningKeyRing {
    private final Map<JWSAlgorithm, JWK> keys;

    public MemorySigningKeyRing() {
        this.keys = Map.of(
                JWSAlgorithm.RS256, generate(() -> new RSAKeyGenerator(2048).algorithm(JWSAlgorithm.RS256)
                        .keyUse(KeyUse.SIGNATURE).keyID(kid()).generate()),
                JWSAlgorithm.ES256, generate(() -> new ECKeyGenerator(Curve.P_256).algorithm(JWSAlgorithm.ES256)
                        .keyUse(KeyUse.SIGNATURE).keyID(kid()).generate()),
                JWSAlgorithm.EdDSA, generate(() -> new OctetKeyPairGenerator(Curve.Ed25519)
                        .algorithm(JWSAlgorithm.EdDSA).keyUse(KeyUse.SIGNATURE).keyID(kid()).generate()));
    }

    @Override
    public JWK current(JWSAlgorithm algorithm) {
        JWK key = keys.get(algorithm);
        if (key == null) {
            throw new IllegalArgumentException("no key for " + algorithm);
        }
        return key;
    }

    /** The public halves, as a JWKS would publish them, to verify what was signed. */
    public JWKSet publicKeys() {
        return new JWKSet(List.copyOf(keys.values())).toPublicJWKSet();
    }

    private static String kid() {
        return UUID.randomUUID().toString();
    }

    private interface KeyMaker {
        JWK make() throws JOSEException;
    }

    private static JWK generate(KeyMaker maker) {
        try {
            return maker.make();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a test signing key", e);
        }
    }
}
