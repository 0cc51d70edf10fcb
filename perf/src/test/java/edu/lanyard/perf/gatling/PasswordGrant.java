package edu.lanyard.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;

/** The password grant, a different student each time: one full PBKDF2 check per request. */
public final class PasswordGrant extends LoadSimulation {
    public PasswordGrant() {
        closedLoop("password", nothing(), exec(feed(Flows.students(settings.students())))
                .exec(Flows.passwordGrant(Campus.PORTAL, "openid profile")));
    }
}
