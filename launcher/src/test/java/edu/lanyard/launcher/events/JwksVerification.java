package edu.lanyard.launcher.events;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

/** Whether a JWT verifies with the key of its {@code kid} in a JWKS document, as a relying party would check it. */
final class JwksVerification {
    private JwksVerification() {
    }

    static boolean verifies(String jwt, String jwks) throws Exception {
        SignedJWT signed = SignedJWT.parse(jwt);
        JWK key = JWKSet.parse(jwks).getKeyByKeyId(signed.getHeader().getKeyID());
        if (key == null) {
            return false;
        }
        JWSVerifier verifier = switch (key.getKeyType().getValue()) {
            case "RSA" -> new RSASSAVerifier(key.toRSAKey());
            case "EC" -> new ECDSAVerifier(key.toECKey());
            default -> new Ed25519Verifier(key.toOctetKeyPair());
        };
        return signed.verify(verifier);
    }
}
