package edu.lanyard.core.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JCA signer (whichever provider implements Ed25519 here) signs exactly as nimbus's own: Ed25519 is deterministic. */
class JcaEd25519SignerTest {
    private static final byte[] INPUT = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJzdHVkZW50MSJ9".getBytes(StandardCharsets.US_ASCII);

    @Test
    void signsTheSameBytesAsNimbusAndVerifies() throws JOSEException {
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        JWSHeader header = new JWSHeader(JWSAlgorithm.EdDSA);

        var jca = new JcaEd25519Signer(key).sign(header, INPUT);

        assertEquals(new Ed25519Signer(key).sign(header, INPUT), jca);
        assertTrue(new Ed25519Verifier(key.toPublicJWK()).verify(header, INPUT, jca));
    }

    @Test
    void refusesAPublicKeyAndAnotherAlgorithm() throws JOSEException {
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).generate();

        assertThrows(JOSEException.class, () -> new JcaEd25519Signer(key.toPublicJWK()));
        assertThrows(JOSEException.class, () -> new JcaEd25519Signer(key).sign(new JWSHeader(JWSAlgorithm.ES256), INPUT));
    }
}
