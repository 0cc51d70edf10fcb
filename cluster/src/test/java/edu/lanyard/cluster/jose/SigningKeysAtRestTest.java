package edu.lanyard.cluster.jose;

import com.hazelcast.map.IMap;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import edu.lanyard.core.crypto.MasterKeys;
import edu.lanyard.core.jose.JwtSigner;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ring as Hazelcast (and so Postgres) holds it: sealed private keys, clear legacy entries, master-key rotation. */
class SigningKeysAtRestTest {
    private static final Clock CLOCK = Clock.systemUTC();

    @Test
    void theMapHoldsNoPrivateKeyMaterialInClear() throws Exception {
        MasterKeys master = MasterKeys.random();
        try (TestCluster cluster = TestCluster.start(1);
             SigningKeys keys = SigningKeys.join(cluster.member(0), CLOCK, master)) {
            IMap<String, String> map = cluster.member(0).getMap(SigningKeys.MAP_NAME);
            for (JWSAlgorithm alg : SigningKeys.ALGORITHMS) {
                JWK key = keys.current(alg);
                assertTrue(key.isPrivate(), "the member itself holds the private key in memory");
                String stored = map.get(key.getKeyID());
                for (String privatePart : privateParts(key)) {
                    assertFalse(stored.contains(privatePart), alg + " stored with a private part in clear: " + stored);
                }
                assertTrue(stored.contains("\"sealed\""), stored);
                System.out.println(alg + " entry as stored (" + stored.length() + " chars): " + stored);
            }
            assertTrue(keys.stored().stream().allMatch(k -> k.sealedUnder().equals(master.currentId())));
        }
    }

    @Test
    void aMemberWithoutTheMasterKeyRefusesToJoinAndSaysWhichKeyItNeeds() {
        MasterKeys master = MasterKeys.random();
        MasterKeys other = MasterKeys.random();
        try (TestCluster cluster = TestCluster.start(2);
             SigningKeys first = SigningKeys.join(cluster.member(0), CLOCK, master)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> SigningKeys.join(cluster.member(1), CLOCK, other));
            assertTrue(refused.getMessage().contains("sealed under master key " + master.currentId()),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("keys.previousMasterKeys"), refused.getMessage());
            assertEquals(SigningKeys.ALGORITHMS.size(), cluster.member(0).getMap(SigningKeys.MAP_NAME).size(),
                    "the refused member generated no keys of its own");
            System.out.println("refused: " + refused.getMessage());
        }
    }

    @Test
    void anEntryWrittenInClearByAnOlderLanyardLoadsAndIsSealedByRewrap() throws Exception {
        MasterKeys master = MasterKeys.random();
        try (TestCluster cluster = TestCluster.start(1)) {
            IMap<String, String> map = cluster.member(0).getMap(SigningKeys.MAP_NAME);
            JWK legacy = SigningKeyGenerator.generate(JWSAlgorithm.ES256);
            map.set(legacy.getKeyID(), legacyJson(legacy, JWSAlgorithm.ES256, Instant.now()));
            try (SigningKeys keys = SigningKeys.join(cluster.member(0), CLOCK, master)) {
                assertEquals(legacy.getKeyID(), keys.current(JWSAlgorithm.ES256).getKeyID(), "the clear key is used");
                assertEquals(SigningKeys.StoredKey.CLEAR, sealedUnder(keys, legacy.getKeyID()));
                String token = new JwtSigner(keys).sign(Tokens.accessTokenClaims("alice"), JWSAlgorithm.ES256,
                        JwtSigner.ACCESS_TOKEN);

                SigningKeys.Rewrap rewrap = keys.rewrap();
                assertEquals(1, rewrap.rewrapped(), "only the clear entry needed sealing: " + rewrap);
                assertEquals(master.currentId(), sealedUnder(keys, legacy.getKeyID()));
                assertFalse(map.get(legacy.getKeyID()).contains(privateParts(legacy).get(0)));
                assertEquals(0, keys.rewrap().rewrapped(), "rewrap is idempotent");
                assertEquals(legacy.getKeyID(), SignedJWT.parse(token).getHeader().getKeyID());
                System.out.println("rewrap of a ring with one clear entry: " + rewrap);
            }
        }
    }

    /** Old key → new key with the old one as previous → rewrap → only the new key: the same ring, still signing. */
    @Test
    void aMasterKeyRotationKeepsTheRing() throws Exception {
        byte[] oldKey = MasterKeys.randomKey();
        byte[] newKey = MasterKeys.randomKey();
        try (TestCluster cluster = TestCluster.start(3)) {
            Set<String> kidsBefore;
            try (SigningKeys underOld = SigningKeys.join(cluster.member(0), CLOCK, MasterKeys.of(oldKey, List.of()))) {
                kidsBefore = currentKids(underOld);
            }
            MasterKeys during = MasterKeys.of(newKey, List.of(oldKey));
            try (SigningKeys rotating = SigningKeys.join(cluster.member(1), CLOCK, during)) {
                assertEquals(kidsBefore, currentKids(rotating), "the previous key opens the ring");
                assertThrows(IllegalStateException.class, () -> SigningKeys.join(cluster.member(2), CLOCK,
                        MasterKeys.of(newKey, List.of())), "before the rewrap the new key alone is not enough");
                SigningKeys.Rewrap rewrap = rotating.rewrap();
                assertEquals(SigningKeys.ALGORITHMS.size(), rewrap.rewrapped());
                assertEquals(during.currentId(), rewrap.masterKey());
            }
            try (SigningKeys underNew = SigningKeys.join(cluster.member(2), CLOCK, MasterKeys.of(newKey, List.of()))) {
                assertEquals(kidsBefore, currentKids(underNew), "after the rewrap the new key alone opens the ring");
                assertTrue(underNew.stored().stream().allMatch(k -> k.sealedUnder().equals(
                        MasterKeys.of(newKey, List.of()).currentId())));
            }
        }
    }

    private static String sealedUnder(SigningKeys keys, String kid) {
        return keys.stored().stream().filter(k -> k.kid().equals(kid)).findFirst().orElseThrow().sealedUnder();
    }

    private static Set<String> currentKids(SigningKeys keys) {
        return SigningKeys.ALGORITHMS.stream().map(alg -> keys.current(alg).getKeyID()).collect(Collectors.toSet());
    }

    /** The private members of a JWK (d, and for RSA p, q, dp, dq, qi), as base64url text. */
    static List<String> privateParts(JWK key) {
        Map<String, Object> all = key.toJSONObject();
        Set<String> publicNames = key.toPublicJWK().toJSONObject().keySet();
        return all.entrySet().stream().filter(e -> !publicNames.contains(e.getKey()))
                .map(e -> String.valueOf(e.getValue())).toList();
    }

    /** An entry exactly as Lanyard wrote it before encryption at rest. */
    static String legacyJson(JWK jwk, JWSAlgorithm alg, Instant created) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("alg", alg.getName());
        json.put("created", created.toString());
        json.put("state", "current");
        json.put("jwk", jwk.toJSONObject());
        return JSONObjectUtils.toJSONString(json);
    }
}
