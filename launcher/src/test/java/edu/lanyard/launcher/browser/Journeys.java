package edu.lanyard.launcher.browser;

import edu.lanyard.launcher.Http;
import io.vertx.core.json.JsonObject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The few multi-step paths most tests walk: sign in on the page, or be let through by the SSO session. */
final class Journeys {
    private Journeys() {
    }

    /** Opens the authorize URL, expects the login page, signs in and returns what reaches the client. */
    static Callback signIn(BrowserAgent browser, AuthorizeUrl url, String username, String password) {
        WebReply login = browser.get(url.build());
        WebReply redirect = browser.signIn(login, username, password);
        assertEquals(303, redirect.status(), redirect.summary());
        return redirect.callback();
    }

    /** Opens the authorize URL and expects to be sent straight back to the client, with no page in between. */
    static Callback passThrough(BrowserAgent browser, AuthorizeUrl url) {
        WebReply reply = browser.get(url.build());
        assertEquals(302, reply.status(), "expected a redirect without a page: " + reply.summary());
        assertFalse(reply.isHtml(), "no page on the way");
        return reply.callback();
    }

    /** Redeems the callback's code and returns the token response; fails unless it is 200. */
    static JsonObject redeem(TokenCalls tokens, TestClient client, Callback callback, Pkce pkce) {
        Http.Reply reply = tokens.redeem(client, callback.get("code"), pkce == null ? null : pkce.verifier());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }
}
