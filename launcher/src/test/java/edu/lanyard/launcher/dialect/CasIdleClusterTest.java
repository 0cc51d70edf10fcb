package edu.lanyard.launcher.dialect;

import com.hazelcast.map.IMap;
import edu.lanyard.core.json.Jsons;
import edu.lanyard.core.store.StoreMaps;
import edu.lanyard.core.token.AccessTokenRecord;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.launcher.TwoNodeCluster;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static edu.lanyard.launcher.dialect.Wire.json;
import static edu.lanyard.launcher.dialect.Wire.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CAS's sliding idle lifetime across two nodes of one cluster: a use on one node extends the token for the other,
 * and idleness seen by one node is idleness for both (docs/products.md D.2).
 */
class CasIdleClusterTest {
    private static TwoNodeCluster cluster;
    private static LanyardTestServer nodeA;
    private static LanyardTestServer nodeB;

    @BeforeAll
    static void startTwoNodes() {
        cluster = TwoNodeCluster.start("cas-idle", "/dialect-clients.yaml", Map.of());
        nodeA = cluster.nodeA();
        nodeB = cluster.nodeB();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static IMap<String, String> tokens(LanyardTestServer node) {
        return node.node().infrastructure().hazelcast().getMap(StoreMaps.ACCESS_TOKENS);
    }

    private static AccessTokenRecord stored(LanyardTestServer node, String at) {
        return Jsons.read(tokens(node).get(TokenHash.of(at)), AccessTokenRecord.class);
    }

    @Test
    void aUseOnOneNodeExtendsTheTokenOnTheOther() {
        Http.Reply issued = Wire.post(nodeA.baseUrl() + "/cas/oauth2.0/accessToken", Wire.FORM, query("grant_type",
                "password", "client_id", "cas-flat", "client_secret", "cas-flat-secret-0123456789", "username",
                "zhangsan", "password", "zhangsan-pass"));
        assertEquals(200, issued.status(), issued.body());
        String at = issued.body().substring("access_token=".length(), issued.body().indexOf('&'));
        long now = Instant.now().getEpochSecond();
        AccessTokenRecord record = stored(nodeA, at);
        assertEquals(7200, record.idleSeconds());

        tokens(nodeA).set(TokenHash.of(at), Jsons.write(record.idleUntil(now + 2)));
        json(Wire.get(nodeB.baseUrl() + "/cas/oauth2.0/profile?access_token=" + at), 200);
        assertTrue(stored(nodeA, at).idleUntil() >= now + 7200, "node A sees node B's use");

        tokens(nodeB).set(TokenHash.of(at), Jsons.write(record.idleUntil(now)));
        JsonObject expired = json(Wire.get(nodeA.baseUrl() + "/cas/oauth2.0/profile?access_token=" + at), 401,
                "error");
        assertEquals("expired_accessToken", expired.getString("error"));
    }
}
