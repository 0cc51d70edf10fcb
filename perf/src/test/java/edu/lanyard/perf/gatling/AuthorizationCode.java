package edu.lanyard.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;

/**
 * The authorization_code grant through the browser: each virtual user signs in once (login page, form POST with its
 * CSRF field), then, with its SSO session cookie, asks the library app's authorization again and again: a redirect
 * with a code, exchanged with PKCE at /oauth2/token. No password is checked in the loop.
 */
public final class AuthorizationCode extends LoadSimulation {
    public AuthorizationCode() {
        closedLoop("authorization_code", Flows.browserSignIn(), exec(Flows::withPkce)
                .exec(http("authorize: SSO session").get("/oauth2/authorize")
                        .queryParam("response_type", "code").queryParam("client_id", Campus.LIBRARY.clientId())
                        .queryParam("redirect_uri", Campus.LIBRARY.redirectUri()).queryParam("scope", "openid profile")
                        .queryParam("state", "#{state}").queryParam("code_challenge", "#{codeChallenge}")
                        .queryParam("code_challenge_method", "S256")
                        .check(status().in(302, 303), headerRegex("Location", "[?&]code=([^&#]+)").saveAs("code")))
                .exec(http("token: authorization_code + PKCE").post("/oauth2/token")
                        .basicAuth(Campus.LIBRARY.clientId(), Campus.LIBRARY.secret())
                        .formParam("grant_type", "authorization_code").formParam("code", "#{code}")
                        .formParam("redirect_uri", Campus.LIBRARY.redirectUri())
                        .formParam("code_verifier", "#{codeVerifier}")
                        .check(status().is(200), jsonPath("$.access_token").exists())));
    }
}
