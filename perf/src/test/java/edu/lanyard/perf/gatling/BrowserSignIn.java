package edu.lanyard.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;

/**
 * The full browser sign-in, each time a fresh browser (no cookies) and another student: authorize, the login page, the
 * form POST with its CSRF field (one PBKDF2 check), the redirect with the code, the code exchange with PKCE S256,
 * userinfo.
 */
public final class BrowserSignIn extends LoadSimulation {
    public BrowserSignIn() {
        closedLoop("browser sign-in", nothing(), exec(flushCookieJar()).exec(feed(Flows.students(settings.students())))
                .exec(Flows.browserSignIn()));
    }
}
