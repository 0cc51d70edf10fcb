package edu.lanyard.cluster.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import edu.lanyard.core.jose.JwtSigner;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/** Access tokens for the tests, and their verification the way a resource server would do it with nimbus. */
final class Tokens {

    static final String ISSUER = "https://sso.example.edu";

    private Tokens() {
    }

    static JWTClaimsSet accessTokenClaims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience("resource-server")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .build();
    }

    static JWTClaimsSet verifyAccessToken(String token, JWSAlgorithm alg, JWKSet jwks)
            throws ParseException, BadJOSEException, JOSEException {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JwtSigner.ACCESS_TOKEN));
        ImmutableJWKSet<SecurityContext> source = new ImmutableJWKSet<>(jwks);
        if (JWSAlgorithm.EdDSA.equals(alg)) {
            processor.setJWSKeySelector(Ed25519Verification.keySelector(source));
            processor.setJWSVerifierFactory(new Ed25519Verification.VerifierFactory());
        } else {
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(alg, source));
        }
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "exp")));
        return processor.process(token, null);
    }
}
