package edu.lanyard.cluster.jose;

import com.hazelcast.map.IMap;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.SignedJWT;
import edu.lanyard.core.jose.JwtSigner;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Each test gets a fresh two-member cluster, since each changes or depends on the ring's history. */
class SigningKeysRotationTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(5);

    @Test
    void rotationReachesTheOtherMemberAndOldKeysLeaveAfterRetention() throws Exception {
        Duration retention = Duration.ofSeconds(4);
        try (TestCluster cluster = TestCluster.start(2);
             SigningKeys onA = SigningKeys.join(cluster.member(0), java.time.Clock.systemUTC(), TestCluster.MASTER_KEYS);
             SigningKeys onB = SigningKeys.join(cluster.member(1), java.time.Clock.systemUTC(), TestCluster.MASTER_KEYS)) {
            JwtSigner signerA = new JwtSigner(onA);
            JwtSigner signerB = new JwtSigner(onB);
            Map<JWSAlgorithm, String> oldKids = currentKids(onB);
            Map<JWSAlgorithm, String> oldTokens = new HashMap<>();
            for (JWSAlgorithm alg : SigningKeys.ALGORITHMS) {
                oldTokens.put(alg, signerA.sign(Tokens.accessTokenClaims("alice"), alg, JwtSigner.ACCESS_TOKEN));
            }

            // Old keys are retired no earlier than this, so they must stay published until then at least.
            Instant retainedAtLeastUntil = Instant.now().plus(retention);
            onA.rotate(retention);

            awaitTrue("B switches to A's new keys", PROPAGATION, () -> SigningKeys.ALGORITHMS.stream()
                    .allMatch(alg -> !onB.current(alg).getKeyID().equals(oldKids.get(alg))));
            assertEquals(currentKids(onA), currentKids(onB));
            JWKSet duringRetention = onB.publicJwks();
            assertTrue(Instant.now().isBefore(retainedAtLeastUntil), "checks below need the retention still running");
            for (JWSAlgorithm alg : SigningKeys.ALGORITHMS) {
                Tokens.verifyAccessToken(oldTokens.get(alg), alg, duringRetention);
                String fresh = signerB.sign(Tokens.accessTokenClaims("bob"), alg, JwtSigner.ACCESS_TOKEN);
                String freshKid = SignedJWT.parse(fresh).getHeader().getKeyID();
                assertNotEquals(oldKids.get(alg), freshKid, "B signs with the new key");
                Tokens.verifyAccessToken(fresh, alg, onA.publicJwks());
            }
            assertEquals(2 * SigningKeys.ALGORITHMS.size(), duringRetention.getKeys().size());

            awaitTrue("old keys leave B's JWKS", retention.plus(PROPAGATION), () -> kids(onB.publicJwks())
                    .stream().noneMatch(oldKids::containsValue));
            assertFalse(Instant.now().isBefore(retainedAtLeastUntil), "old keys were dropped before their retention ended");
            for (JWSAlgorithm alg : SigningKeys.ALGORITHMS) {
                assertThrows(BadJOSEException.class,
                        () -> Tokens.verifyAccessToken(oldTokens.get(alg), alg, onB.publicJwks()), alg.getName());
            }
            IMap<String, String> map = cluster.member(1).getMap(SigningKeys.MAP_NAME);
            awaitTrue("expired entries leave the cluster map", PROPAGATION,
                    () -> oldKids.values().stream().noneMatch(map::containsKey));
            assertEquals(SigningKeys.ALGORITHMS.size(), map.size());
        }
    }

    @Test
    void membersStartingTogetherCreateExactlyOneKeyPerAlgorithm() throws Exception {
        try (TestCluster cluster = TestCluster.start(2)) {
            CyclicBarrier bothReady = new CyclicBarrier(2);
            ExecutorService starters = Executors.newFixedThreadPool(2);
            try {
                List<Future<SigningKeys>> joins = List.of(0, 1).stream()
                        .map(i -> starters.submit(() -> {
                            bothReady.await();
                            return SigningKeys.join(cluster.member(i), java.time.Clock.systemUTC(), TestCluster.MASTER_KEYS);
                        }))
                        .toList();
                try (SigningKeys onA = joins.get(0).get(30, TimeUnit.SECONDS);
                     SigningKeys onB = joins.get(1).get(30, TimeUnit.SECONDS)) {
                    IMap<String, String> map = cluster.member(0).getMap(SigningKeys.MAP_NAME);
                    assertEquals(SigningKeys.ALGORITHMS.size(), map.size(), "keys in the cluster: " + map.keySet());
                    assertEquals(currentKids(onA), currentKids(onB));
                    assertEquals(Set.copyOf(currentKids(onA).values()), map.keySet());
                }
            } finally {
                starters.shutdownNow();
            }
        }
    }

    @Test
    void scheduledRotationHappensOncePerPeriodAcrossMembers() {
        try (TestCluster cluster = TestCluster.start(2);
             SigningKeys onA = SigningKeys.join(cluster.member(0), java.time.Clock.systemUTC(), TestCluster.MASTER_KEYS);
             SigningKeys onB = SigningKeys.join(cluster.member(1), java.time.Clock.systemUTC(), TestCluster.MASTER_KEYS)) {
            Map<JWSAlgorithm, String> before = currentKids(onA);

            assertTrue(onA.rotateIfOlderThan(Duration.ZERO, Duration.ofMinutes(5)));
            assertFalse(onB.rotateIfOlderThan(Duration.ofHours(1), Duration.ofMinutes(5)),
                    "B must see that A just rotated");

            Map<JWSAlgorithm, String> after = currentKids(onA);
            before.forEach((alg, kid) -> assertNotEquals(kid, after.get(alg), alg.getName()));
            assertEquals(2 * SigningKeys.ALGORITHMS.size(), cluster.member(1).getMap(SigningKeys.MAP_NAME).size());
        }
    }

    private static Map<JWSAlgorithm, String> currentKids(SigningKeys keys) {
        return SigningKeys.ALGORITHMS.stream()
                .collect(Collectors.toMap(alg -> alg, alg -> keys.current(alg).getKeyID()));
    }

    private static Set<String> kids(JWKSet jwks) {
        return jwks.getKeys().stream().map(JWK::getKeyID).collect(Collectors.toSet());
    }

    private static void awaitTrue(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail(what + ": not within " + limit);
            }
            Thread.sleep(20);
        }
    }
}
