package edu.lanyard.launcher.browser;

import edu.lanyard.core.event.AccountLocked;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.LoginFailed;
import edu.lanyard.devkit.EventLog;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.launcher.TwoNodeCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Lanyard nodes, each with its own Hazelcast member, joined in one cluster over one database and one topic:
 * a sign-in may start on one node and finish on the other, and brute-force counting sees both.
 */
class ClusterSignInTest {
    private static final int MAX_FAILURES = 3;
    private static final String LOCKED_MESSAGE = "This account is locked after too many failed attempts. Try again in";

    private static TwoNodeCluster cluster;
    private static LanyardTestServer nodeA;
    private static LanyardTestServer nodeB;
    private static String topic;

    @BeforeAll
    static void startTwoNodes() {
        cluster = TwoNodeCluster.start("cluster", "/browser-clients.yaml", Map.of(
                "LANYARD_LOGIN_MAX_FAILURES_PER_USER", String.valueOf(MAX_FAILURES),
                "LANYARD_LOGIN_LOCKOUT_SECONDS", "3"));
        nodeA = cluster.nodeA();
        nodeB = cluster.nodeB();
        topic = cluster.topic();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aLoginFormFromOneNodeIsPostedToTheOtherAndItsCodeRedeemedThere() {
        BrowserAgent browser = new BrowserAgent();
        WebReply login = browser.get(AuthorizeUrl.of(nodeA.baseUrl(), TestClient.WEBAPP).with("state", "ab").build());
        Map<String, String> form = login.hiddenFields();
        form.put("username", "carol");
        form.put("password", "carol-pass");
        WebReply redirect = browser.post(nodeB.baseUrl() + "/oauth2/login", form);
        assertEquals(303, redirect.status(), "node B resumes node A's request: " + redirect.summary());
        assertEquals("ab", redirect.callback().get("state"));

        Http.Reply tokens = new TokenCalls(nodeB.baseUrl()).redeem(TestClient.WEBAPP, redirect.callback().get("code"),
                null);
        assertEquals(200, tokens.status(), tokens.body());
        Callback sso = Journeys.passThrough(browser, AuthorizeUrl.of(nodeA.baseUrl(), TestClient.LIBRARY));
        assertTrue(sso.has("code"), "the session started on B is known to A");
    }

    @Test
    void failuresOnOneNodeLockTheUserOnTheOtherUntilTheLockoutEnds() {
        for (int i = 0; i < MAX_FAILURES; i++) {
            WebReply again = attempt(nodeA, "dave", "wrong-" + i);
            assertTrue(again.isLoginPage(), again.summary());
        }
        WebReply locked = attempt(nodeB, "dave", "dave-pass");
        assertTrue(locked.isLoginPage(), "even the right password is refused while locked: " + locked.summary());
        assertTrue(locked.body().contains(LOCKED_MESSAGE), locked.body());

        WebReply after = pollUntil(() -> attempt(nodeB, "dave", "dave-pass"), WebReply::isRedirect,
                Duration.ofSeconds(20));
        assertEquals(303, after.status(), "the lockout expires by itself: " + after.summary());

        List<LifecycleEvent> events = EventLog.readUntil(nodeA.kafkaBootstrap(), topic,
                list -> list.stream().anyMatch(e -> e instanceof AccountLocked));
        long failures = events.stream().filter(e -> e instanceof LoginFailed f && f.username().equals("dave"))
                .count();
        assertEquals(MAX_FAILURES, failures, "every failure is an event: " + events);
        AccountLocked lock = (AccountLocked) events.stream().filter(e -> e instanceof AccountLocked).findFirst()
                .orElseThrow();
        assertEquals("dave", lock.target());
        assertEquals("user", lock.targetKind());
    }

    private static WebReply attempt(LanyardTestServer node, String username, String password) {
        BrowserAgent browser = new BrowserAgent();
        WebReply login = browser.get(AuthorizeUrl.of(node.baseUrl(), TestClient.WEBAPP).build());
        return browser.signIn(login, username, password);
    }

    private static <T> T pollUntil(Supplier<T> attempt, Predicate<T> done, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = attempt.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = attempt.get();
        }
        return last;
    }
}
