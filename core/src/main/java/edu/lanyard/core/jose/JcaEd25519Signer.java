package edu.lanyard.core.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Set;

/**
 * EdDSA (Ed25519) through the JCA, for when a native provider implements it: nimbus's own Ed25519 signer is Tink's
 * Java code, several times slower than AWS-LC. Ed25519 is deterministic (RFC 8032), so both produce the very same
 * signature for a key and input. Not used without a native provider: the JDK's own Ed25519 is slower than Tink's.
 */
final class JcaEd25519Signer implements JWSSigner {
    /** The PKCS#8 (RFC 8410) encoding of an Ed25519 private key, up to its 32 seed bytes. */
    private static final byte[] PKCS8_PREFIX = java.util.HexFormat.of().parseHex("302e020100300506032b657004220420");

    private final PrivateKey key;
    private final JCAContext jca = new JCAContext();
    /** A Signature is stateful and not thread-safe; one per thread, initialised per signature. */
    private final ThreadLocal<Signature> signatures = ThreadLocal.withInitial(JcaEd25519Signer::newSignature);

    JcaEd25519Signer(OctetKeyPair jwk) throws JOSEException {
        if (!Curve.Ed25519.equals(jwk.getCurve()) || !jwk.isPrivate()) {
            throw new JOSEException("an Ed25519 private key is required");
        }
        byte[] seed = jwk.getDecodedD();
        byte[] encoded = new byte[PKCS8_PREFIX.length + seed.length];
        System.arraycopy(PKCS8_PREFIX, 0, encoded, 0, PKCS8_PREFIX.length);
        System.arraycopy(seed, 0, encoded, PKCS8_PREFIX.length, seed.length);
        try {
            this.key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new JOSEException("cannot load the Ed25519 key: " + e.getMessage(), e);
        }
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            throw new JOSEException("only EdDSA is supported, not " + header.getAlgorithm());
        }
        try {
            Signature signature = signatures.get();
            signature.initSign(key);
            signature.update(signingInput);
            return Base64URL.encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new JOSEException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.EdDSA);
    }

    @Override
    public JCAContext getJCAContext() {
        return jca;
    }

    private static Signature newSignature() {
        try {
            return Signature.getInstance("Ed25519");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no Ed25519 signature in this JVM", e);
        }
    }
}
