package edu.lanyard.perf.gatling;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stressPeakUsers;

/**
 * 8 a.m. on the first day of term, as an open model: {@code USERS} students arrive within {@code DURATION} seconds
 * in a peak (Gatling's stressPeakUsers: few at first, most in the middle, as when a lecture is about to start), each a
 * fresh browser and a different student. Each signs in to the portal (login page, password, code with PKCE, token,
 * userinfo), then opens the campus's other apps through the SSO session — a standard one and one per product dialect,
 * each app's back end exchanging its code at its own product's token endpoint, the campus API introspecting the app's
 * token, the app refreshing it — and finally the portal refreshes its token (rotation) and the API checks it: 26
 * requests per student.
 *
 * <p>Passes when fewer than {@code MAX_FAILED_PERCENT} (default 1) of the requests failed and the 99th percentile of
 * all response times is under {@code P99_MS} (default 5000; sign-ins queue for the password hash on a small box).
 */
public final class FirstMorningOfTerm extends Simulation {

    public FirstMorningOfTerm() {
        LoadSettings settings = LoadSettings.fromEnvironment();
        ScenarioBuilder students = scenario("first morning of term").feed(Flows.students(settings.students()))
                .exec(Flows.browserSignIn())
                .pause(Duration.ofMillis(200), Duration.ofMillis(1000))
                .exec(app(Dialect.STANDARD, Campus.LIBRARY, "openid profile", "library"))
                .exec(app(Dialect.KETANYUN, Campus.KETANYUN, "profile", "ketanyun"))
                .exec(app(Dialect.MAXKEY, Campus.MAXKEY, "read", "maxkey"))
                .exec(app(Dialect.CAS, Campus.CAS, "profile", "cas"))
                .exec(app(Dialect.PHP_SSO, Campus.PHP_SSO, "profile", "phpsso"))
                .exec(Flows.rotateRefresh(Campus.PORTAL))
                .exec(Flows.introspect(Flows.ACCESS_TOKEN));
        setUp(students.injectOpen(stressPeakUsers(settings.users()).during(settings.duration())))
                .protocols(Flows.protocol(settings))
                .assertions(global().failedRequests().percent().lt(settings.maxFailedPercent()),
                        global().responseTime().percentile(99.0).lt(settings.p99Millis()));
    }

    /**
     * One app opened with the SSO session, its token checked by the campus API, a short look at it, and the app's back
     * end refreshing its token at its product's endpoint (in a real morning, an hour later; here at once).
     */
    private static ChainBuilder app(Dialect dialect, Campus.App app, String scope, String name) {
        return exec(dialect.visitWithSession(app, scope, name))
                .exec(Flows.introspect(name + "Access"))
                .exec(pause(Duration.ofMillis(100), Duration.ofMillis(500)))
                .exec(dialect.token("refresh_token", app, Dialect.params("grant_type", "refresh_token",
                        "refresh_token", "#{" + name + "Refresh}"), name + "Access", name + "Refresh"));
    }
}
