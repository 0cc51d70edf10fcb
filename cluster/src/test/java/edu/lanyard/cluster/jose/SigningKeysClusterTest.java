package edu.lanyard.cluster.jose;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import edu.lanyard.core.jose.JwtSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two members that joined one after the other, without rotation. */
class SigningKeysClusterTest {

    private static TestCluster cluster;
    private static SigningKeys onA;
    private static SigningKeys onB;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start(2);
        onA = SigningKeys.join(cluster.member(0), java.time.Clock.systemUTC(), TestCluster.MASTER_KEYS);
        onB = SigningKeys.join(cluster.member(1), java.time.Clock.systemUTC(), TestCluster.MASTER_KEYS);
    }

    @AfterAll
    static void stopCluster() {
        onA.close();
        onB.close();
        cluster.close();
    }

    @Test
    void bothMembersSignWithTheSameThumbprintKids() throws Exception {
        for (JWSAlgorithm alg : SigningKeys.ALGORITHMS) {
            JWK key = onA.current(alg);
            assertEquals(key.getKeyID(), onB.current(alg).getKeyID(), alg.getName());
            assertEquals(key.computeThumbprint().toString(), key.getKeyID(), "RFC 7638 kid for " + alg);
            assertEquals(alg, key.getAlgorithm());
        }
        assertEquals(SigningKeys.ALGORITHMS.size(),
                cluster.member(0).getMap(SigningKeys.MAP_NAME).size(), "one key per algorithm in the cluster");
    }

    @Test
    void publicJwksHoldsPublicSigningKeysOnly() {
        JWKSet jwks = onB.publicJwks();
        assertEquals(kids(onA.publicJwks()), kids(jwks));
        Set<String> currentKids = SigningKeys.ALGORITHMS.stream()
                .map(alg -> onA.current(alg).getKeyID()).collect(Collectors.toSet());
        assertEquals(currentKids, kids(jwks));
        for (JWK key : jwks.getKeys()) {
            assertFalse(key.isPrivate(), key.getKeyID());
            assertEquals(KeyUse.SIGNATURE, key.getKeyUse());
            assertNotNull(key.getAlgorithm());
        }
        assertFalse(jwks.toString(false).contains("\"d\""), "no private exponent or scalar in " + jwks);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "EdDSA"})
    void tokenSignedOnOneMemberVerifiesWithTheOtherMembersJwks(String algName) throws Exception {
        JWSAlgorithm alg = JWSAlgorithm.parse(algName);
        String token = new JwtSigner(onA).sign(Tokens.accessTokenClaims("alice"), alg, JwtSigner.ACCESS_TOKEN);

        SignedJWT parsed = SignedJWT.parse(token);
        assertEquals(alg, parsed.getHeader().getAlgorithm());
        assertEquals(onA.current(alg).getKeyID(), parsed.getHeader().getKeyID());
        assertEquals(new JOSEObjectType("at+jwt"), parsed.getHeader().getType());

        JWTClaimsSet verified = Tokens.verifyAccessToken(token, alg, onB.publicJwks());
        assertEquals("alice", verified.getSubject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "EdDSA"})
    void tamperedTokenIsRejected(String algName) {
        JWSAlgorithm alg = JWSAlgorithm.parse(algName);
        String[] parts = new JwtSigner(onA).sign(Tokens.accessTokenClaims("alice"), alg, JwtSigner.ACCESS_TOKEN)
                .split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                Tokens.accessTokenClaims("mallory").toString().getBytes());
        String forged = parts[0] + "." + forgedPayload + "." + parts[2];

        assertThrows(BadJOSEException.class, () -> Tokens.verifyAccessToken(forged, alg, onB.publicJwks()));
    }

    @Test
    void idTokenCarriesTypJwt() throws Exception {
        String token = new JwtSigner(onB).sign(Tokens.accessTokenClaims("alice"), JWSAlgorithm.ES256,
                JwtSigner.ID_TOKEN);
        assertEquals(JOSEObjectType.JWT, SignedJWT.parse(token).getHeader().getType());
    }

    @Test
    void signerRejectsOtherAlgorithms() {
        JwtSigner signer = new JwtSigner(onA);
        for (JWSAlgorithm alg : Set.of(JWSAlgorithm.HS256, JWSAlgorithm.PS256, JWSAlgorithm.ES384, JWSAlgorithm.Ed25519)) {
            assertThrows(IllegalArgumentException.class,
                    () -> signer.sign(Tokens.accessTokenClaims("alice"), alg, JwtSigner.ACCESS_TOKEN), alg.getName());
        }
    }

    @Test
    void scheduledRotationLeavesYoungKeysAlone() {
        Set<String> before = kids(onA.publicJwks());
        assertFalse(onB.rotateIfOlderThan(Duration.ofDays(30), Duration.ofDays(1)));
        assertEquals(before, kids(onA.publicJwks()));
        assertTrue(before.size() >= SigningKeys.ALGORITHMS.size());
    }

    private static Set<String> kids(JWKSet jwks) {
        return jwks.getKeys().stream().map(JWK::getKeyID).collect(Collectors.toSet());
    }
}
