package edu.lanyard.launcher.events;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static edu.lanyard.launcher.events.MixedWorkload.JWT_SECRET;
import static edu.lanyard.launcher.events.MixedWorkload.LIBRARY_CB;
import static edu.lanyard.launcher.events.MixedWorkload.PORTAL_CB;
import static edu.lanyard.launcher.events.MixedWorkload.PORTAL_SECRET;
import static edu.lanyard.launcher.events.MixedWorkload.SERVICE_SECRET;
import static edu.lanyard.launcher.events.MixedWorkload.STEADY_SECRET;
import static edu.lanyard.launcher.events.JwksVerification.verifies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole Hazelcast cluster stops and a new one starts on the same Postgres and topic: every token, session,
 * consent and revocation that was valid before is valid after, and JWTs signed before still verify.
 */
@Tag("fault")
class ColdStartTest {

    @Test
    void afterAFullClusterRestartNobodyIsLoggedOutAndNothingRevokedComesBack() throws Exception {
        LanyardTestServer before = LanyardTestServer.builder().importing("/events-clients.yaml").start();
        LanyardConfig config = before.config();
        String base = before.baseUrl();
        Tokens tokens = new Tokens(base);

        List<String[]> refreshTokens = new ArrayList<>();
        List<String[]> accessTokens = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            JsonObject first = tokens.password("portal", PORTAL_SECRET, "alice", "alice-pass", "openid profile")
                    .json();
            JsonObject rotated = tokens.refresh("portal", PORTAL_SECRET, first.getString("refresh_token")).json();
            refreshTokens.add(new String[]{"portal", PORTAL_SECRET, rotated.getString("refresh_token")});
            accessTokens.add(new String[]{"portal", PORTAL_SECRET, first.getString("access_token")});
            accessTokens.add(new String[]{"portal", PORTAL_SECRET, rotated.getString("access_token")});
            accessTokens.add(new String[]{"service", SERVICE_SECRET,
                    tokens.clientCredentials("service", SERVICE_SECRET, "reports.read").json()
                            .getString("access_token")});
        }
        JsonObject steady = tokens.password("steady", STEADY_SECRET, "bob", "bob-pass", "openid").json();
        refreshTokens.add(new String[]{"steady", STEADY_SECRET, steady.getString("refresh_token")});
        String jwt = tokens.clientCredentials("jwt-service", JWT_SECRET, "reports.read").json()
                .getString("access_token");

        // A family whose first refresh token was rotated away: presenting that one again is theft, after too.
        JsonObject theft = tokens.password("portal", PORTAL_SECRET, "bob", "bob-pass", "profile").json();
        JsonObject theftNext = tokens.refresh("portal", PORTAL_SECRET, theft.getString("refresh_token")).json();
        // A family revoked before the restart stays revoked.
        JsonObject revoked = tokens.password("portal", PORTAL_SECRET, "bob", "bob-pass", "profile").json();
        assertEquals(200, tokens.revoke("portal", PORTAL_SECRET, revoked.getString("refresh_token")).status());

        Browser signedIn = new Browser(base);
        Browser.Pkce pkce = Browser.Pkce.create();
        JsonObject viaBrowser = tokens.code("portal", PORTAL_SECRET, signedIn.logIn(signedIn.authorize("portal",
                PORTAL_CB, "openid profile", pkce), "alice", "alice-pass").code(), PORTAL_CB, pkce.verifier()).json();
        Browser.Pkce consentPkce = Browser.Pkce.create();
        Browser.Outcome consent = signedIn.authorize("library", LIBRARY_CB, "openid email", consentPkce);
        assertEquals(200, consent.status(), "the library asks for consent first");
        signedIn.approve(consent);
        Browser loggedOut = new Browser(base);
        Browser.Pkce outPkce = Browser.Pkce.create();
        JsonObject outTokens = tokens.code("portal", PORTAL_SECRET, loggedOut.logIn(loggedOut.authorize("portal",
                PORTAL_CB, "openid", outPkce), "bob", "bob-pass").code(), PORTAL_CB, outPkce.verifier()).json();
        assertEquals(200, loggedOut.logout(outTokens.getString("id_token")).status());

        new Projections(config, before.kafkaBootstrap()).awaitCaughtUp(Duration.ofSeconds(60));
        before.close();

        Map<String, String> same = new HashMap<>();
        same.put("LANYARD_HTTP_PORT", String.valueOf(config.http().port()));
        LanyardTestServer after = LanyardTestServer.builder().env(same).sameDataAs(config).start();
        try {
            int checked = 0;
            int lost = 0;
            for (String[] token : accessTokens) {
                checked++;
                lost += tokens.active(token[0], token[1], token[2]) ? 0 : 1;
            }
            for (String[] token : refreshTokens) {
                checked++;
                Http.Reply refreshed = tokens.refresh(token[0], token[1], token[2]);
                lost += refreshed.status() == 200 ? 0 : 1;
            }
            checked++;
            lost += tokens.active("portal", PORTAL_SECRET, viaBrowser.getString("refresh_token")) ? 0 : 1;
            System.out.printf("full cluster restart: %d tokens issued before, %d still valid after, lost = %d%n",
                    checked, checked - lost, lost);
            assertEquals(0, lost);

            assertTrue(tokens.active("jwt-service", JWT_SECRET, jwt), "JWT access token introspects");
            assertTrue(verifies(jwt, Http.get(base + "/oauth2/jwks", null).body()),
                    "a JWT signed before the restart verifies with the JWKS after it");

            assertEquals(400, tokens.refresh("portal", PORTAL_SECRET, theft.getString("refresh_token")).status(),
                    "a rotated refresh token is still recognised as reused");
            assertEquals(400, tokens.refresh("portal", PORTAL_SECRET, theftNext.getString("refresh_token"))
                    .status(), "and its family revoked");
            assertFalse(tokens.active("portal", PORTAL_SECRET, revoked.getString("access_token")),
                    "a family revoked before the restart stays revoked");
            assertFalse(tokens.active("portal", PORTAL_SECRET, outTokens.getString("access_token")),
                    "tokens of a session logged out before stay revoked");

            Browser.Outcome sso = signedIn.authorize("portal", PORTAL_CB, "openid", Browser.Pkce.create());
            assertEquals(302, sso.status(), "the SSO session survived: no login form");
            Browser.Outcome remembered = signedIn.authorize("library", LIBRARY_CB, "openid email",
                    Browser.Pkce.create());
            assertEquals(302, remembered.status(), "the consent survived: no consent page");
            Browser.Outcome ended = loggedOut.authorize("portal", PORTAL_CB, "openid", Browser.Pkce.create());
            assertEquals(200, ended.status(), "a session that ended before stays ended: login form");

            assertEquals(200, signedIn.logout(viaBrowser.getString("id_token")).status());
            assertFalse(tokens.active("portal", PORTAL_SECRET, viaBrowser.getString("access_token")),
                    "logging out after the restart revokes what the session issued before it");
        } finally {
            after.close();
        }
    }

    @Test
    void tokensTheProjectorHadNotWrittenWhenTheClusterFormedAreFoundOnMiss() throws Exception {
        // No projector before the restart: nothing is in the projections when the new cluster loads them.
        LanyardTestServer before = LanyardTestServer.builder().env("LANYARD_PROJECTION_ENABLED", "false")
                .importing("/events-clients.yaml").start();
        LanyardConfig config = before.config();
        Tokens tokens = new Tokens(before.baseUrl());
        List<String> refresh = new ArrayList<>();
        List<String> access = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonObject issued = tokens.password("portal", PORTAL_SECRET, "alice", "alice-pass", "openid").json();
            refresh.add(issued.getString("refresh_token"));
            access.add(issued.getString("access_token"));
        }
        before.close();

        Map<String, String> same = new HashMap<>();
        same.put("LANYARD_HTTP_PORT", String.valueOf(config.http().port()));
        LanyardTestServer after = LanyardTestServer.builder().env(same).sameDataAs(config).start();
        try {
            new Projections(config, after.kafkaBootstrap()).awaitCaughtUp(Duration.ofSeconds(60));
            int lost = 0;
            for (String token : access) {
                lost += tokens.active("portal", PORTAL_SECRET, token) ? 0 : 1;
            }
            for (String token : refresh) {
                lost += tokens.refresh("portal", PORTAL_SECRET, token).status() == 200 ? 0 : 1;
            }
            System.out.printf("restart with the projector behind: %d tokens issued before, lost = %d%n",
                    access.size() + refresh.size(), lost);
            assertEquals(0, lost);
        } finally {
            after.close();
        }
    }

    @Test
    void withNoProjectorATokenThatCannotBeLoadedYetIsUnavailableNotInvalid() throws Exception {
        LanyardTestServer before = LanyardTestServer.builder().env("LANYARD_PROJECTION_ENABLED", "false")
                .importing("/events-clients.yaml").start();
        LanyardConfig config = before.config();
        Tokens tokens = new Tokens(before.baseUrl());
        JsonObject issued = tokens.password("portal", PORTAL_SECRET, "alice", "alice-pass", "openid").json();
        before.close();

        Map<String, String> same = new HashMap<>();
        same.put("LANYARD_HTTP_PORT", String.valueOf(config.http().port()));
        same.put("LANYARD_PROJECTION_ENABLED", "false");
        LanyardTestServer after = LanyardTestServer.builder().env(same).sameDataAs(config).start();
        try {
            Http.Reply refreshed = tokens.refresh("portal", PORTAL_SECRET, issued.getString("refresh_token"));
            assertEquals(503, refreshed.status(), "retry later, rather than drop the refresh token: "
                    + refreshed.body());
            assertEquals("temporarily_unavailable", refreshed.json().getString("error"));
            Http.Reply introspected = Http.postForm(after.baseUrl() + "/oauth2/introspect",
                    Http.basic("portal", PORTAL_SECRET), Http.form(Http.fields("token",
                            issued.getString("access_token"))));
            assertEquals(503, introspected.status(), introspected.body());

            String fresh = tokens.clientCredentials("service", SERVICE_SECRET, "reports.read").json()
                    .getString("access_token");
            assertTrue(tokens.active("service", SERVICE_SECRET, fresh),
                    "tokens issued after the restart work without the projector");
        } finally {
            after.close();
        }
    }

    @Test
    void whatIsRevokedAfterTheRestartStaysRevokedThoughTheProjectionsNeverLearnIt() throws Exception {
        LanyardTestServer before = LanyardTestServer.builder().importing("/events-clients.yaml").start();
        LanyardConfig config = before.config();
        Tokens tokens = new Tokens(before.baseUrl());
        JsonObject looked = tokens.password("portal", PORTAL_SECRET, "alice", "alice-pass", "openid").json();
        JsonObject unseen = tokens.password("portal", PORTAL_SECRET, "alice", "alice-pass", "openid").json();
        JsonObject kept = tokens.password("portal", PORTAL_SECRET, "alice", "alice-pass", "openid").json();
        Browser signedIn = new Browser(before.baseUrl());
        Browser.Pkce pkce = Browser.Pkce.create();
        JsonObject viaBrowser = tokens.code("portal", PORTAL_SECRET, signedIn.logIn(signedIn.authorize("portal",
                PORTAL_CB, "openid", pkce), "bob", "bob-pass").code(), PORTAL_CB, pkce.verifier()).json();
        new Projections(config, before.kafkaBootstrap()).awaitCaughtUp(Duration.ofSeconds(60));
        before.close();

        // The new cluster runs no projector: every revocation below exists only in the cluster, and every later
        // miss is answered from projections that still hold the tokens as valid.
        Map<String, String> same = new HashMap<>();
        same.put("LANYARD_HTTP_PORT", String.valueOf(config.http().port()));
        same.put("LANYARD_PROJECTION_ENABLED", "false");
        LanyardTestServer after = LanyardTestServer.builder().env(same).sameDataAs(config).start();
        try {
            assertTrue(tokens.active("portal", PORTAL_SECRET, looked.getString("access_token")),
                    "loaded on its first use");
            assertEquals(200, tokens.revoke("portal", PORTAL_SECRET, looked.getString("access_token")).status());
            assertEquals(200, tokens.revoke("portal", PORTAL_SECRET, unseen.getString("access_token")).status(),
                    "revoking a token the cluster has not loaded yet");
            assertEquals(200, tokens.revoke("portal", PORTAL_SECRET, unseen.getString("refresh_token")).status());
            assertEquals(200, signedIn.logout(viaBrowser.getString("id_token")).status());

            assertFalse(tokens.active("portal", PORTAL_SECRET, looked.getString("access_token")));
            assertFalse(tokens.active("portal", PORTAL_SECRET, unseen.getString("access_token")));
            assertEquals(400, tokens.refresh("portal", PORTAL_SECRET, unseen.getString("refresh_token")).status());
            assertFalse(tokens.active("portal", PORTAL_SECRET, viaBrowser.getString("access_token")),
                    "the logout revoked what the session issued before the restart");
            Browser.Outcome ended = signedIn.authorize("portal", PORTAL_CB, "openid", Browser.Pkce.create());
            assertEquals(200, ended.status(), "the ended session is not loaded again: login form");
            assertTrue(tokens.active("portal", PORTAL_SECRET, kept.getString("access_token")),
                    "what was not revoked is still valid");
            assertEquals(200, tokens.refresh("portal", PORTAL_SECRET, kept.getString("refresh_token")).status());
        } finally {
            after.close();
        }
    }
}
