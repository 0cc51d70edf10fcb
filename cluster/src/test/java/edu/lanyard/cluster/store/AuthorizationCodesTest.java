package edu.lanyard.cluster.store;

import edu.lanyard.cluster.jose.TestCluster;
import edu.lanyard.core.store.AuthorizationCodes;
import edu.lanyard.core.store.AuthorizationCodes.Redemption;
import edu.lanyard.core.store.StoreMaps;
import edu.lanyard.core.token.AuthorizationCodeRecord;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.devkit.Await;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redemption of codes on a real two-member cluster: only the client a code was issued to can take it out. */
class AuthorizationCodesTest {
    private static TestCluster cluster;
    private static Vertx vertx;
    private static AuthorizationCodes onA;
    private static AuthorizationCodes onB;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(2);
        vertx = Vertx.vertx();
        onA = new HazelcastAuthorizationCodes(vertx, cluster.member(0), Clock.systemUTC());
        onB = new HazelcastAuthorizationCodes(vertx, cluster.member(1), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        Await.result(vertx.close());
        cluster.close();
    }

    private static AuthorizationCodeRecord code(String clientId) {
        long now = Instant.now().getEpochSecond();
        return new AuthorizationCodeRecord("grant-" + UUID.randomUUID(), clientId, "sub-1", "tess", "openid",
                "http://127.0.0.1/cb", null, null, null, "sid-1", now, now, now + 60);
    }

    private static String saved(AuthorizationCodeRecord code) {
        String hash = TokenHash.of(UUID.randomUUID().toString());
        Await.result(onA.save(hash, code));
        return hash;
    }

    @Test
    void anotherClientNeitherGetsNorUsesUpTheCode() {
        AuthorizationCodeRecord code = code("owner");
        String hash = saved(code);

        assertInstanceOf(Redemption.HeldByAnotherClient.class, Await.result(onB.takeIssuedTo(hash, "intruder")));
        assertInstanceOf(Redemption.HeldByAnotherClient.class, Await.result(onA.takeIssuedTo(hash, "intruder")));

        Redemption owner = Await.result(onB.takeIssuedTo(hash, "owner"));
        assertEquals(new Redemption.Taken(code), owner, "the owner still redeems it, on any member");
        assertInstanceOf(Redemption.Absent.class, Await.result(onA.takeIssuedTo(hash, "owner")),
                "and only once");
        assertInstanceOf(Redemption.Absent.class, Await.result(onA.takeIssuedTo(hash, "intruder")));
    }

    @Test
    void aRestoredCodeIsRedeemableAgainAndUnknownCodesAreAbsent() {
        assertInstanceOf(Redemption.Absent.class,
                Await.result(onA.takeIssuedTo(TokenHash.of("never-issued"), "owner")));
        AuthorizationCodeRecord code = code("owner");
        String hash = saved(code);
        assertEquals(new Redemption.Taken(code), Await.result(onA.takeIssuedTo(hash, "owner")));
        Await.result(onA.restore(hash, code));
        assertEquals(new Redemption.Taken(code), Await.result(onB.takeIssuedTo(hash, "owner")));
    }

    @Test
    void theRedeemedMarkerNamesTheOwner() {
        AuthorizationCodeRecord code = code("owner");
        String hash = TokenHash.of(UUID.randomUUID().toString());
        Await.result(onA.rememberRedeemed(hash, code));
        assertEquals(new AuthorizationCodes.RedeemedCode(code.grantId(), "owner"),
                Await.result(onB.redeemed(hash)).orElseThrow());
        assertTrue(Await.result(onB.redeemed(TokenHash.of("other"))).isEmpty());

        String olderNodes = TokenHash.of(UUID.randomUUID().toString());
        cluster.member(0).<String, String>getMap(StoreMaps.REDEEMED_CODES)
                .set(olderNodes, "grant-7", 60, TimeUnit.SECONDS);
        assertEquals(new AuthorizationCodes.RedeemedCode("grant-7", null),
                Await.result(onA.redeemed(olderNodes)).orElseThrow(), "a marker of an older node is read too");
    }
}
