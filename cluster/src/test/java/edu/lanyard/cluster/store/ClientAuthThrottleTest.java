package edu.lanyard.cluster.store;

import edu.lanyard.cluster.jose.TestCluster;
import edu.lanyard.core.client.ClientAuthThrottle;
import edu.lanyard.core.client.ClientAuthThrottle.Reason;
import edu.lanyard.core.client.ClientAuthThrottle.Refusal;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.store.AuthFailureWindows;
import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The guessing throttle on a real two-member cluster, with a clock the test moves: failures counted through one
 * member refuse requests checked through the other, per client_id and per address, until the window ends.
 */
class ClientAuthThrottleTest {
    private static final LanyardConfig.RateLimit LIMITS = new LanyardConfig.RateLimit(true, 3, 5, 60);

    private static TestCluster cluster;
    private static Vertx vertx;
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private ClientAuthThrottle onA;
    private ClientAuthThrottle onB;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(2);
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        Await.result(vertx.close());
        cluster.close();
    }

    private ClientAuthThrottle throttle(int member, LanyardConfig.RateLimit limits) {
        return new ClientAuthThrottle(new HazelcastAuthFailureWindows(vertx, cluster.member(member)), limits, clock);
    }

    /** Every test uses ids and addresses of its own, so the shared cluster needs no clean-up between tests. */
    @BeforeEach
    void setUp() {
        onA = throttle(0, LIMITS);
        onB = throttle(1, LIMITS);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static String uniqueAddress() {
        return unique("192.0.2.1");
    }

    private static void fail(ClientAuthThrottle throttle, String clientId, String address, int times) {
        List<Future<Void>> all = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            all.add(throttle.recordFailure(clientId, address));
        }
        Await.result(Future.all(all));
    }

    @Test
    void failuresOfOneClientThroughOneMemberRefuseItThroughTheOtherUntilTheWindowEnds() {
        String client = unique("app");
        fail(onA, client, uniqueAddress(), 2);
        assertEquals(Optional.empty(), Await.result(onB.check(client, uniqueAddress())), "below the limit");
        clock.advance(Duration.ofSeconds(10));
        fail(onA, client, uniqueAddress(), 1);

        assertEquals(Optional.of(new Refusal(Reason.CLIENT, 50)), Await.result(onB.check(client, uniqueAddress())),
                "the third failure reaches the limit; the window started at the first one");
        assertEquals(Optional.of(new Refusal(Reason.CLIENT, 50)), Await.result(onA.check(client, null)));
        assertEquals(Optional.empty(), Await.result(onB.check(unique("other-app"), uniqueAddress())),
                "another client is not held up");

        clock.advance(Duration.ofSeconds(49));
        assertEquals(Optional.of(new Refusal(Reason.CLIENT, 1)), Await.result(onB.check(client, null)));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), Await.result(onB.check(client, null)), "the window is over");

        fail(onB, client, null, 1);
        assertEquals(Optional.empty(), Await.result(onA.check(client, null)), "a new window counts from one");
    }

    @Test
    void failuresFromOneAddressRefuseItWhateverClientItNames() {
        String address = uniqueAddress();
        for (int i = 0; i < 5; i++) {
            fail(i % 2 == 0 ? onA : onB, unique("guess"), address, 1);
        }
        assertEquals(Optional.of(new Refusal(Reason.ADDRESS, 60)), Await.result(onA.check(unique("app"), address)));
        assertEquals(Optional.of(new Refusal(Reason.ADDRESS, 60)), Await.result(onB.check(null, address)));
        assertEquals(Optional.empty(), Await.result(onB.check(unique("app"), uniqueAddress())),
                "another address is not held up");
    }

    @Test
    void failuresWithoutAClientIdCountAgainstTheAddressOnly() {
        String address = uniqueAddress();
        fail(onA, null, address, 4);
        assertEquals(Optional.empty(), Await.result(onB.check(unique("app"), address)));
        fail(onB, null, address, 1);
        assertEquals(Reason.ADDRESS, Await.result(onA.check(unique("app"), address)).orElseThrow().reason());
    }

    @Test
    void theClientLimitIsReportedFirst() {
        String client = unique("app");
        String address = uniqueAddress();
        fail(onA, client, address, 5);
        assertEquals(Reason.CLIENT, Await.result(onB.check(client, address)).orElseThrow().reason());
        assertEquals(Reason.ADDRESS, Await.result(onB.check(unique("app"), address)).orElseThrow().reason());
    }

    @Test
    void concurrentFailuresOnBothMembersAreAllCounted() {
        String client = unique("app");
        ClientAuthThrottle generousA = throttle(0, new LanyardConfig.RateLimit(true, 40, 1000, 60));
        ClientAuthThrottle generousB = throttle(1, new LanyardConfig.RateLimit(true, 40, 1000, 60));
        List<Future<Void>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(generousA.recordFailure(client, null));
            all.add(generousB.recordFailure(client, null));
        }
        Await.result(Future.all(all));
        assertEquals(Reason.CLIENT, Await.result(generousA.check(client, null)).orElseThrow().reason(),
                "40 failures from two members reach a limit of 40");
    }

    @Test
    void aDisabledThrottleNeverRefusesNorCounts() {
        ClientAuthThrottle off = throttle(0, new LanyardConfig.RateLimit(false, 1, 1, 60));
        String client = unique("app");
        String address = uniqueAddress();
        fail(off, client, address, 3);
        assertEquals(Optional.empty(), Await.result(off.check(client, address)));
        assertEquals(Optional.empty(), Await.result(onA.check(client, address)), "nothing was counted");
    }

    @Test
    void limitsBelowOneAreRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> throttle(0, new LanyardConfig.RateLimit(true, 0, 5, 60)));
        assertThrows(IllegalArgumentException.class, () -> throttle(0, new LanyardConfig.RateLimit(true, 3, 5, 0)));
    }

    /** A clock that only moves when told to. */
}
