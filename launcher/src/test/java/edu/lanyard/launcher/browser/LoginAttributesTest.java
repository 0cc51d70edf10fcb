package edu.lanyard.launcher.browser;

import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user signs in with the username, the campus email or the employee number, on the login page and with the
 * password grant, and it is always the one account: the same subject, and failures under any of the three names
 * count towards one lockout.
 */
class LoginAttributesTest {
    private static final TestClient RP = new TestClient("rp", "rp-secret-0123456789abcdef", "http://127.0.0.1:9121/cb");
    private static LanyardTestServer server;

    @BeforeAll
    static void start() {
        server = LanyardTestServer.builder().importing("/claims-clients.yaml").start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String authorizeUrl() {
        return server.baseUrl() + "/oauth2/authorize?response_type=code&client_id=rp&scope=openid%20profile"
                + "&redirect_uri=" + RP.redirectUri() + "&state=s1&nonce=n1";
    }

    /** Signs in on the login page; the subject of the id_token the code buys, or the page the browser got instead. */
    private static WebReply loginPage(String login, String password) {
        BrowserAgent browser = new BrowserAgent();
        return browser.signIn(browser.get(authorizeUrl()), login, password);
    }

    private static String subjectAfterLoginPage(String login, String password) {
        WebReply reply = loginPage(login, password);
        assertEquals(303, reply.status(), login + ": " + reply.summary());
        String code = reply.callback().get("code");
        Http.Reply tokens = Http.postForm(server.baseUrl() + "/oauth2/token", Http.basic(RP.id(), RP.secret()),
                Http.form(Http.fields("grant_type", "authorization_code", "code", code,
                        "redirect_uri", RP.redirectUri())));
        assertEquals(200, tokens.status(), tokens.body());
        return TokenCalls.claims(tokens.json().getString("id_token")).getSubject();
    }

    private static Http.Reply passwordGrant(String login, String password) {
        return Http.postForm(server.baseUrl() + "/oauth2/token", Http.basic(RP.id(), RP.secret()),
                Http.form(Http.fields("grant_type", "password", "username", login, "password", password,
                        "scope", "openid profile")));
    }

    private static String subjectAfterPasswordGrant(String login, String password) {
        Http.Reply reply = passwordGrant(login, password);
        assertEquals(200, reply.status(), login + ": " + reply.body());
        return TokenCalls.claims(reply.json().getString("id_token")).getSubject();
    }

    @Test
    void usernameEmailAndEmployeeNumberSignInToTheSameAccountOnTheLoginPage() {
        String subject = subjectAfterLoginPage("alice", "alice-pass");
        for (String login : List.of("ALICE", "alice@example.edu", "Alice@Example.EDU", "2024001")) {
            assertEquals(subject, subjectAfterLoginPage(login, "alice-pass"), login);
        }
    }

    @Test
    void usernameEmailAndEmployeeNumberSignInToTheSameAccountWithThePasswordGrant() {
        String subject = subjectAfterPasswordGrant("alice", "alice-pass");
        for (String login : List.of("alice@example.edu", "2024001")) {
            assertEquals(subject, subjectAfterPasswordGrant(login, "alice-pass"), login);
        }
        Http.Reply unknown = passwordGrant("2024999", "alice-pass");
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals("invalid_grant", unknown.json().getString("error"));
    }

    @Test
    void fiveFailuresUnderThreeNamesLockTheOneAccountOnBothPaths() {
        // lin: two wrong passwords by username on the page, two by email with the grant, one by number on the page
        assertTrue(loginPage("lin", "wrong-1").isLoginPage());
        assertEquals(400, passwordGrant("lin.wei@example.edu", "wrong-2").status());
        assertTrue(loginPage("Lin.Wei@example.edu", "wrong-3").isLoginPage());
        assertEquals(400, passwordGrant("2024002", "wrong-4").status());
        assertTrue(loginPage("2024002", "wrong-5").isLoginPage());

        for (String login : List.of("lin", "lin.wei@example.edu", "2024002")) {
            Http.Reply grant = passwordGrant(login, "lin-pass");
            assertEquals(400, grant.status(), login + ": the right password no longer opens the account");
            JsonObject error = grant.json();
            assertTrue(error.getString("error_description").contains("too many failed sign-in attempts"),
                    login + ": " + error);
            WebReply page = loginPage(login, "lin-pass");
            assertTrue(page.isLoginPage() && page.body().contains("locked"), login + ": " + page.summary());
        }
        assertEquals(200, passwordGrant("mei", "mei-pass").status(), "another account is not locked");
    }
}
