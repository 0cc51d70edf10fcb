package edu.lanyard.launcher.browser;

import edu.lanyard.launcher.LanyardTestServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed or forged browser requests get a clear page or redirect, never a 500 or a stack trace. */
class HostileInputTest {
    private final LanyardTestServer server = LanyardTestServer.sharedSignIn();
    private final String issuer = server.baseUrl();

    @Test
    void oddAuthorizeRequestsAreAnsweredCleanly() {
        String base = issuer + "/oauth2/authorize?";
        List<String> queries = List.of("", "client_id=", "client_id=webapp&client_id=library",
                "client_id=webapp&redirect_uri=javascript%3Aalert(1)",
                "client_id=webapp&redirect_uri=http%3A%2F%2F127.0.0.1%3A9101%2Fcb&response_type=code"
                        + "&scope=openid&max_age=-1",
                "client_id=webapp&redirect_uri=http%3A%2F%2F127.0.0.1%3A9101%2Fcb&response_type=code"
                        + "&scope=openid&prompt=none%20login",
                "client_id=webapp&redirect_uri=http%3A%2F%2F127.0.0.1%3A9101%2Fcb&response_type=code"
                        + "&scope=nonsense",
                "client_id=spa&redirect_uri=http%3A%2F%2F127.0.0.1%3A9104%2Fcb&response_type=code"
                        + "&code_challenge=short&code_challenge_method=S256",
                "client_id=webapp&redirect_uri=http%3A%2F%2F127.0.0.1%3A9101%2Fcb&response_type=code"
                        + "&response_mode=carrier_pigeon");
        for (String query : queries) {
            assertClean(new BrowserAgent().get(base + query), query);
        }
    }

    @Test
    void forgedFormPostsAreAnsweredCleanly() {
        BrowserAgent browser = new BrowserAgent();
        assertClean(browser.post(issuer + "/oauth2/login", Map.of()), "login without anything");
        assertClean(browser.post(issuer + "/oauth2/login", Map.of("rid", "made-up", "csrf", "x",
                "username", "alice", "password", "alice-pass")), "login with an unknown rid");
        assertClean(browser.post(issuer + "/oauth2/consent", Map.of("rid", "made-up", "decision", "approve")),
                "consent without a session");
        assertClean(browser.get(issuer + "/oauth2/logout?id_token_hint=not.a.jwt"), "logout with a garbage hint");
        assertClean(browser.post(issuer + "/oauth2/logout", Map.of("csrf", "forged")), "forged logout");
    }

    private static void assertClean(WebReply reply, String what) {
        assertTrue(reply.status() < 500, what + ": " + reply.status() + " " + reply.summary());
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), what + ": " + reply.body());
        assertTrue(reply.isRedirect() || reply.isHtml(), what + " answers a browser with a page or a redirect");
    }
}
