package edu.lanyard.cluster.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** Fresh private JWKs for the algorithms Lanyard signs with; kid is the RFC 7638 thumbprint. */
final class SigningKeyGenerator {

    private static final int RSA_BITS = 2048;

    private SigningKeyGenerator() {
    }

    static JWK generate(JWSAlgorithm algorithm) {
        JWKGenerator<? extends JWK> generator = generatorFor(algorithm)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(algorithm)
                .keyIDFromThumbprint(true);
        try {
            return generator.generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key", e);
        }
    }

    private static JWKGenerator<? extends JWK> generatorFor(JWSAlgorithm algorithm) {
        if (JWSAlgorithm.RS256.equals(algorithm)) {
            return new RSAKeyGenerator(RSA_BITS);
        }
        if (JWSAlgorithm.ES256.equals(algorithm)) {
            return new ECKeyGenerator(Curve.P_256);
        }
        if (JWSAlgorithm.EdDSA.equals(algorithm)) {
            return new OctetKeyPairGenerator(Curve.Ed25519);
        }
        throw new IllegalArgumentException("unsupported signing algorithm: " + algorithm);
    }
}
