package edu.lanyard.authorize;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.json.JsonObject;

import java.text.ParseException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads an {@code id_token_hint} (OIDC RP-Initiated Logout §2): it must be one of our own id_tokens, signed with a
 * key still in our JWKS; an expired one is still accepted, since logging out late is normal.
 */
final class IdTokenHints {
    private final String issuer;
    private final Supplier<JsonObject> jwks;

    IdTokenHints(String issuer, Supplier<JsonObject> jwks) {
        this.issuer = issuer;
        this.jwks = jwks;
    }

    record Hint(String subject, String clientId, String sid) {
    }

    Optional<Hint> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWK key = JWKSet.parse(jwks.get().getMap()).getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null || !jwt.verify(verifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer()) || claims.getAudience().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Hint(claims.getSubject(), claims.getAudience().get(0),
                    claims.getStringClaim("sid")));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static JWSVerifier verifier(JWK key) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        if (key instanceof ECKey ec) {
            return new ECDSAVerifier(ec);
        }
        if (key instanceof OctetKeyPair okp) {
            return new Ed25519Verifier(okp);
        }
        throw new JOSEException("unsupported key type " + key.getKeyType());
    }
}
