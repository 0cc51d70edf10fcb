package edu.lanyard.launcher.events;

import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.Http;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every kind of lifecycle decision, the way applications and people cause them: client credentials (opaque and JWT),
 * password grants, rotating and non-rotating refreshes, refresh-token reuse, revocations, failed logins, browser
 * sign-ins with SSO, consent, and logout.
 */
final class MixedWorkload {
    static final String PORTAL_SECRET = "portal-secret-0123456789abcdef";
    static final String LIBRARY_SECRET = "library-secret-0123456789abcdef";
    static final String SERVICE_SECRET = "service-secret-0123456789abcdef";
    static final String JWT_SECRET = "jwt-secret-0123456789abcdef";
    static final String STEADY_SECRET = "steady-secret-0123456789abcdef";
    static final String PORTAL_CB = "http://127.0.0.1:9999/cb";
    static final String LIBRARY_CB = "http://127.0.0.1:9998/cb";

    private final String base;
    private final Tokens tokens;
    /** Every token string an application was given. */
    final List<String> issued = new ArrayList<>();
    /** Refresh tokens that must still work, with their client. */
    final List<String[]> liveRefreshTokens = new ArrayList<>();
    int requests;

    MixedWorkload(String base) {
        this.base = base;
        this.tokens = new Tokens(base);
    }

    void run(int rounds) {
        for (int round = 0; round < rounds; round++) {
            machines();
            people(round);
            browser(round);
        }
    }

    private void machines() {
        String service = token(tokens.clientCredentials("service", SERVICE_SECRET, "reports.read"));
        token(tokens.clientCredentials("jwt-service", JWT_SECRET, "reports.read"));
        expect(200, tokens.revoke("service", SERVICE_SECRET, service));
    }

    private void people(int round) {
        JsonObject first = tokens(tokens.password("portal", PORTAL_SECRET, "alice", "alice-pass",
                "openid profile offline_access"));
        JsonObject second = tokens(tokens.refresh("portal", PORTAL_SECRET, first.getString("refresh_token")));
        JsonObject third = tokens(tokens.refresh("portal", PORTAL_SECRET, second.getString("refresh_token")));
        if (round % 2 == 0) {
            // presenting a rotated token again: theft, the family is revoked
            expect(400, tokens.refresh("portal", PORTAL_SECRET, first.getString("refresh_token")));
        } else {
            liveRefreshTokens.add(new String[]{"portal", PORTAL_SECRET, third.getString("refresh_token")});
        }
        JsonObject steady = tokens(tokens.password("steady", STEADY_SECRET, "bob", "bob-pass", "openid"));
        tokens(tokens.refresh("steady", STEADY_SECRET, steady.getString("refresh_token")));
        liveRefreshTokens.add(new String[]{"steady", STEADY_SECRET, steady.getString("refresh_token")});
        JsonObject dropped = tokens(tokens.password("portal", PORTAL_SECRET, "bob", "bob-pass", "profile"));
        expect(200, tokens.revoke("portal", PORTAL_SECRET, dropped.getString("refresh_token")));
        expect(400, tokens.password("portal", PORTAL_SECRET, "carol", "not-her-password", "profile"));
    }

    private void browser(int round) {
        Browser browser = new Browser(base);
        Browser.Pkce pkce = Browser.Pkce.create();
        Browser.Outcome login = browser.authorize("portal", PORTAL_CB, "openid profile", pkce);
        requests++;
        Browser.Outcome signedIn = browser.logIn(login, "alice", "alice-pass");
        requests++;
        JsonObject portal = tokens(tokens.code("portal", PORTAL_SECRET, signedIn.code(), PORTAL_CB,
                pkce.verifier()));

        Browser.Pkce libraryPkce = Browser.Pkce.create();
        Browser.Outcome consent = browser.authorize("library", LIBRARY_CB, "openid email", libraryPkce);
        requests++;
        Browser.Outcome approved = consent.status() == 200 ? browser.approve(consent) : consent;
        requests++;
        tokens(tokens.code("library", LIBRARY_SECRET, approved.code(), LIBRARY_CB, libraryPkce.verifier()));

        Browser.Pkce again = Browser.Pkce.create();
        Browser.Outcome sso = browser.authorize("portal", PORTAL_CB, "openid", again);
        requests++;
        assertEquals(302, sso.status(), "a signed-in browser gets a code without a form: " + sso.body());
        tokens(tokens.code("portal", PORTAL_SECRET, sso.code(), PORTAL_CB, again.verifier()));
        if (round % 3 == 0) {
            Browser.Outcome out = browser.logout(portal.getString("id_token"));
            requests++;
            assertEquals(200, out.status(), out.body());
        }
    }

    private JsonObject tokens(Http.Reply reply) {
        expect(200, reply);
        JsonObject body = reply.json();
        issued.add(body.getString("access_token"));
        if (body.containsKey("refresh_token")) {
            issued.add(body.getString("refresh_token"));
        }
        return body;
    }

    private String token(Http.Reply reply) {
        return tokens(reply).getString("access_token");
    }

    private void expect(int status, Http.Reply reply) {
        requests++;
        assertEquals(status, reply.status(), reply.body());
    }
}
