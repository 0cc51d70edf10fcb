package edu.lanyard.cluster.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;

import java.security.Key;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;

/**
 * Lets nimbus's {@code DefaultJWTProcessor} verify EdDSA: its {@code JWSVerificationKeySelector} drops OKP keys because
 * they have no {@code java.security.Key} form, so the OKP travels wrapped in one to a factory that unwraps it.
 */
final class Ed25519Verification {

    private Ed25519Verification() {
    }

    record OctetKeyPairKey(OctetKeyPair jwk) implements PublicKey {
        @Override
        public String getAlgorithm() {
            return "EdDSA";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }

    static JWSKeySelector<SecurityContext> keySelector(JWKSource<SecurityContext> source) {
        return (header, context) -> {
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                return List.of();
            }
            return select(source, header, context);
        };
    }

    private static List<OctetKeyPairKey> select(JWKSource<SecurityContext> source, JWSHeader header,
                                                SecurityContext context) throws KeySourceException {
        List<JWK> matches = source.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), context);
        return matches.stream()
                .filter(OctetKeyPair.class::isInstance)
                .map(jwk -> new OctetKeyPairKey((OctetKeyPair) jwk))
                .toList();
    }

    static final class VerifierFactory implements JWSVerifierFactory {
        private final DefaultJWSVerifierFactory standard = new DefaultJWSVerifierFactory();

        @Override
        public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
            if (key instanceof OctetKeyPairKey okp) {
                return new Ed25519Verifier(okp.jwk());
            }
            return standard.createJWSVerifier(header, key);
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return standard.supportedJWSAlgorithms();
        }

        @Override
        public JCAContext getJCAContext() {
            return standard.getJCAContext();
        }
    }
}
