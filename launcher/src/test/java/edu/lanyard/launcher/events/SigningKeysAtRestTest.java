package edu.lanyard.launcher.events;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.crypto.MasterKeys;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.projection.admin.AdminCredentials;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static edu.lanyard.launcher.events.MixedWorkload.JWT_SECRET;
import static edu.lanyard.launcher.events.JwksVerification.verifies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signing keys at rest, on whole nodes against the real Postgres: the {@code signing_keys} rows (and the bytes
 * of the table's files) hold no private key material, a full cluster restart still verifies what was signed before,
 * a row written in clear by an older Lanyard still loads and is sealed by a rewrap, and a master-key rotation
 * (old key → new key with the old one as previous → rewrap → new key alone) loses nothing.
 */
@Tag("fault")
class SigningKeysAtRestTest {
    private static final String OPERATOR_TOKEN = "signing-keys-at-rest-operator-token";

    @Test
    void postgresHoldsNoPrivateKeyInClearAndAFullRestartStillVerifies() throws Exception {
        LanyardTestServer before = start(Map.of()).importing("/events-clients.yaml").start();
        LanyardConfig config = before.config();
        Tokens tokens = new Tokens(before.baseUrl());
        String jwt = tokens.clientCredentials("jwt-service", JWT_SECRET, "reports.read").json()
                .getString("access_token");
        List<JWK> ring = SigningKeysAtRestTest.currentKeys(before);
        Projections db = new Projections(config, before.kafkaBootstrap());

        List<String> rows = rows(db);
        assertEquals(ring.size(), rows.size(), "one row per key: " + rows);
        int privateParts = 0;
        for (JWK key : ring) {
            for (String part : privateParts(key)) {
                privateParts++;
                for (String row : rows) {
                    assertFalse(row.contains(part), key.getAlgorithm() + " private part stored in clear: " + row);
                }
            }
        }
        // The bytes on disk too (heap and TOAST files after a checkpoint). The public x of the EC key is found there,
        // so the search does see what is stored in clear.
        byte[] onDisk = tableFiles(db);
        ECKey ec = (ECKey) ring.stream().filter(k -> k instanceof ECKey).findFirst().orElseThrow();
        assertTrue(contains(onDisk, ec.getX().toString()), "the search finds clear data in the table's files");
        for (JWK key : ring) {
            for (String part : privateParts(key)) {
                assertFalse(contains(onDisk, part), key.getAlgorithm() + " private part in the table's files");
            }
        }
        System.out.printf("signing_keys: %d rows, %d private JWK members searched for in rows and %d bytes of"
                + " table files: none found%n", rows.size(), privateParts, onDisk.length);

        // An entry as Lanyard wrote it before encryption at rest: a retired key, still published.
        ECKey legacy = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                .keyIDFromThumbprint(true).generate();
        insertLegacyRow(db, legacy, Instant.now().plus(1, ChronoUnit.DAYS));
        new Projections(config, before.kafkaBootstrap()).awaitCaughtUp(java.time.Duration.ofSeconds(60));
        before.close();

        LanyardTestServer after = start(Map.of("LANYARD_HTTP_PORT", String.valueOf(config.http().port())))
                .sameDataAs(config).start();
        try {
            String jwks = Http.get(after.baseUrl() + "/oauth2/jwks", null).body();
            assertTrue(verifies(jwt, jwks), "a JWT signed before the full restart verifies with the JWKS after it");
            assertTrue(tokens.active("jwt-service", JWT_SECRET, jwt), "and introspects as active");
            assertEquals(kids(ring), kids(currentKeys(after)), "the same ring, opened from Postgres");
            assertTrue(JWKSet.parse(jwks).getKeyByKeyId(legacy.getKeyID()) != null, "the clear row loaded");

            JsonObject keys = admin(after, "GET", "/admin/keys");
            assertEquals("clear", sealedUnder(keys, legacy.getKeyID()));
            JsonObject rewrap = admin(after, "POST", "/admin/keys/rewrap");
            assertEquals(1, rewrap.getInteger("rewrapped"), rewrap.encode());
            assertEquals(0L, admin(after, "GET", "/admin/keys").getLong("not_under_master_key"));
            String row = rows(db).stream().filter(r -> r.contains(legacy.getKeyID())).findFirst().orElseThrow();
            assertFalse(row.contains(legacy.getD().toString()), "rewrap sealed the clear row: " + row);
            assertTrue(row.contains("\"retireUntil\""), "and kept it retired: " + row);
            System.out.println("legacy clear row after rewrap: " + rewrap.encode());

            String fresh = tokens.clientCredentials("jwt-service", JWT_SECRET, "reports.read").json()
                    .getString("access_token");
            assertTrue(verifies(fresh, Http.get(after.baseUrl() + "/oauth2/jwks", null).body()));
        } finally {
            after.close();
        }
    }

    @Test
    void aMasterKeyRotationWithRewrapLosesNoToken() throws Exception {
        String oldKey = MasterKeys.newEncodedKey();
        String newKey = MasterKeys.newEncodedKey();
        LanyardTestServer first = start(Map.of("LANYARD_KEYS_MASTER_KEY", oldKey)).importing("/events-clients.yaml")
                .start();
        LanyardConfig config = first.config();
        Tokens tokens = new Tokens(first.baseUrl());
        String signedUnderOld = tokens.clientCredentials("jwt-service", JWT_SECRET, "reports.read").json()
                .getString("access_token");
        Set<String> kids = kids(currentKeys(first));
        String port = String.valueOf(config.http().port());
        new Projections(config, first.kafkaBootstrap()).awaitCaughtUp(java.time.Duration.ofSeconds(60));
        first.close();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> start(Map.of(
                "LANYARD_HTTP_PORT", port, "LANYARD_KEYS_MASTER_KEY", newKey)).sameDataAs(config).start());
        assertTrue(refused.getMessage().contains("keys.previousMasterKeys"), refused.getMessage());
        System.out.println("new key alone before the rewrap: " + refused.getMessage());

        LanyardTestServer rotating = start(Map.of("LANYARD_HTTP_PORT", port, "LANYARD_KEYS_MASTER_KEY", newKey,
                "LANYARD_KEYS_PREVIOUS_MASTER_KEYS", oldKey)).sameDataAs(config).start();
        String newId;
        try {
            String oldId = sealedUnder(admin(rotating, "GET", "/admin/keys"), kids.iterator().next());
            JsonObject rewrap = admin(rotating, "POST", "/admin/keys/rewrap");
            newId = rewrap.getString("master_key");
            assertFalse(oldId.equals(newId));
            assertEquals(kids.size(), rewrap.getInteger("rewrapped"), rewrap.encode());
            for (String row : rows(new Projections(config, rotating.kafkaBootstrap()))) {
                assertTrue(row.contains(newId) && !row.contains(oldId), "every row sealed under the new key: " + row);
            }
            System.out.println("rotation rewrap: " + rewrap.encode());
        } finally {
            rotating.close();
        }

        LanyardTestServer rotated = start(Map.of("LANYARD_HTTP_PORT", port, "LANYARD_KEYS_MASTER_KEY", newKey))
                .sameDataAs(config).start();
        try {
            assertEquals(kids, kids(currentKeys(rotated)), "the new master key alone opens the same ring");
            assertTrue(verifies(signedUnderOld, Http.get(rotated.baseUrl() + "/oauth2/jwks", null).body()),
                    "a JWT signed before the rotation still verifies");
            assertTrue(tokens.active("jwt-service", JWT_SECRET, signedUnderOld));
            String signedAfter = tokens.clientCredentials("jwt-service", JWT_SECRET, "reports.read").json()
                    .getString("access_token");
            assertTrue(verifies(signedAfter, Http.get(rotated.baseUrl() + "/oauth2/jwks", null).body()),
                    "new tokens sign and verify");
            assertEquals(newId, admin(rotated, "GET", "/admin/keys").getString("master_key"));
        } finally {
            rotated.close();
        }
    }

    private static LanyardTestServer.Builder start(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("LANYARD_ADMIN_TOKEN_HASH", AdminCredentials.sha256Hex(OPERATOR_TOKEN));
        return LanyardTestServer.builder().env(all);
    }

    private static JsonObject admin(LanyardTestServer server, String method, String path) {
        Http.Reply reply = "GET".equals(method)
                ? Http.get(server.baseUrl() + path, "Bearer " + OPERATOR_TOKEN)
                : Http.postForm(server.baseUrl() + path, "Bearer " + OPERATOR_TOKEN, "");
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static String sealedUnder(JsonObject keys, String kid) {
        return keys.getJsonArray("keys").stream().map(JsonObject.class::cast)
                .filter(key -> kid.equals(key.getString("kid"))).findFirst().orElseThrow()
                .getString("sealed_under");
    }

    private static List<JWK> currentKeys(LanyardTestServer server) {
        return edu.lanyard.cluster.jose.SigningKeys.ALGORITHMS.stream()
                .map(alg -> server.node().signingKeys().current(alg)).toList();
    }

    private static Set<String> kids(List<JWK> keys) {
        return keys.stream().map(JWK::getKeyID).collect(Collectors.toSet());
    }

    /** The private members of a JWK (d; for RSA also p, q, dp, dq, qi). */
    private static List<String> privateParts(JWK key) {
        Set<String> publicNames = key.toPublicJWK().toJSONObject().keySet();
        return key.toJSONObject().entrySet().stream().filter(e -> !publicNames.contains(e.getKey()))
                .map(e -> String.valueOf(e.getValue())).toList();
    }

    /** Every row of signing_keys as Postgres renders the whole row. */
    private static List<String> rows(Projections db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = db.connect(); var select = connection.createStatement();
             ResultSet result = select.executeQuery("select t::text from signing_keys t")) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    /** The bytes of the table's heap and TOAST files, as written to disk (the tests connect as a superuser). */
    private static byte[] tableFiles(Projections db) throws Exception {
        try (Connection connection = db.connect(); var statement = connection.createStatement()) {
            statement.execute("checkpoint");
            List<String> relations = new ArrayList<>(List.of("signing_keys"));
            try (ResultSet toast = statement.executeQuery("select reltoastrelid::regclass::text from pg_class"
                    + " where oid = 'signing_keys'::regclass and reltoastrelid <> 0")) {
                while (toast.next()) {
                    relations.add(toast.getString(1));
                }
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (String relation : relations) {
                try (PreparedStatement read = connection.prepareStatement(
                        "select pg_read_binary_file(pg_relation_filepath(?::regclass))")) {
                    read.setString(1, relation);
                    try (ResultSet file = read.executeQuery()) {
                        file.next();
                        bytes.write(file.getBytes(1));
                    }
                }
            }
            return bytes.toByteArray();
        }
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] wanted = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + wanted.length <= haystack.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (haystack[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A row exactly as Lanyard wrote it before encryption at rest: the private JWK in the entry, in clear. */
    private static void insertLegacyRow(Projections db, JWK key, Instant retireUntil) throws Exception {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("alg", "ES256");
        entry.put("created", Instant.now().minus(2, ChronoUnit.DAYS).toString());
        entry.put("state", "retired");
        entry.put("retireUntil", retireUntil.toString());
        entry.put("jwk", key.toJSONObject());
        try (Connection connection = db.connect(); PreparedStatement insert = connection.prepareStatement(
                "insert into signing_keys (kid, entry, retire_until, updated_at) values (?, ?, ?, now())")) {
            insert.setString(1, key.getKeyID());
            insert.setString(2, JSONObjectUtils.toJSONString(entry));
            insert.setTimestamp(3, Timestamp.from(retireUntil));
            insert.executeUpdate();
        }
    }
}
