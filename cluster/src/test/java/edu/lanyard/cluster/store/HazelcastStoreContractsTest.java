package edu.lanyard.cluster.store;

import edu.lanyard.cluster.jose.TestCluster;
import edu.lanyard.core.store.AccessTokens;
import edu.lanyard.core.store.AuthFailureWindows;
import edu.lanyard.core.store.AuthorizationCodes;
import edu.lanyard.core.store.CasTickets;
import edu.lanyard.core.store.GrantRevocations;
import edu.lanyard.core.store.LoginAttempts;
import edu.lanyard.core.store.RefreshTokens;
import edu.lanyard.core.store.Sessions;
import edu.lanyard.core.store.SharedMaps;
import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.contract.AccessTokensContract;
import edu.lanyard.devkit.contract.AuthorizationCodesContract;
import edu.lanyard.devkit.contract.CasTicketsContract;
import edu.lanyard.devkit.contract.FlowStateContract;
import edu.lanyard.devkit.contract.GrantRevocationsContract;
import edu.lanyard.devkit.contract.RefreshTokensContract;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

import java.time.Clock;

/**
 * The store contracts the in-memory stores also pass (devkit), run here on a real two-member Hazelcast cluster: what
 * a unit test proves on memory holds on the cluster. Hazelcast expires entries by real time, so the records are made
 * on the system clock.
 */
class HazelcastStoreContractsTest {
    private static TestCluster cluster;
    private static Vertx vertx;

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

    @Nested
    class CasTicketStore extends CasTicketsContract {
        @Override
        protected CasTickets tickets() {
            return new HazelcastCasTickets(vertx, cluster.member(0), Clock.systemUTC());
        }

        @Override
        protected CasTickets ticketsOnAnotherNode() {
            return new HazelcastCasTickets(vertx, cluster.member(1), Clock.systemUTC());
        }

        @Override
        protected Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Nested
    class Codes extends AuthorizationCodesContract {
        @Override
        protected AuthorizationCodes codes() {
            return new HazelcastAuthorizationCodes(vertx, cluster.member(0), Clock.systemUTC());
        }

        @Override
        protected AuthorizationCodes codesOnAnotherNode() {
            return new HazelcastAuthorizationCodes(vertx, cluster.member(1), Clock.systemUTC());
        }

        @Override
        protected Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Nested
    class Refresh extends RefreshTokensContract {
        @Override
        protected RefreshTokens tokens() {
            return new HazelcastRefreshTokens(vertx, cluster.member(0), Clock.systemUTC());
        }

        @Override
        protected RefreshTokens tokensOnAnotherNode() {
            return new HazelcastRefreshTokens(vertx, cluster.member(1), Clock.systemUTC());
        }

        @Override
        protected Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Nested
    class Access extends AccessTokensContract {
        @Override
        protected AccessTokens tokens() {
            return new HazelcastAccessTokens(vertx, cluster.member(1), Clock.systemUTC());
        }

        @Override
        protected Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Nested
    class Revocations extends GrantRevocationsContract {
        @Override
        protected GrantRevocations revocations() {
            return new HazelcastGrantRevocations(vertx, cluster.member(0));
        }
    }

    @Nested
    class FlowState extends FlowStateContract {
        @Override
        protected Sessions sessions() {
            return new HazelcastSessions(vertx, cluster.member(0), Clock.systemUTC());
        }

        @Override
        protected LoginAttempts loginAttempts() {
            return new HazelcastLoginAttempts(vertx, cluster.member(1));
        }

        @Override
        protected AuthFailureWindows authFailures() {
            return new HazelcastAuthFailureWindows(vertx, cluster.member(0));
        }

        @Override
        protected SharedMaps maps() {
            return new HazelcastSharedMaps(vertx, cluster.member(1));
        }

        @Override
        protected Clock clock() {
            return Clock.systemUTC();
        }
    }
}
