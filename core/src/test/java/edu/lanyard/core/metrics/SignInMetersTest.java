package edu.lanyard.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignInMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SignInMeters meters = new SignInMeters(registry);

    @Test
    void everyFixedSeriesExistsAtZeroBeforeTheFirstEvent() {
        assertEquals(8, registry.find("lanyard.signins").counters().size(), "2 ways × 4 outcomes");
        assertEquals(2, registry.find("lanyard.lockouts").counters().size());
        assertEquals(2, registry.find("lanyard.consents").counters().size());
        assertEquals(1, registry.find("lanyard.logouts").counters().size());
        assertEquals(3, registry.find("lanyard.sessions.ended").counters().size());
        assertEquals(0.0, registry.find("lanyard.signins").counters().stream().mapToDouble(Counter::count).sum());
    }

    @Test
    void eachEventMovesItsOwnSeries() {
        meters.signIn(SignInMeters.Via.PASSWORD_GRANT, SignInMeters.Outcome.LOCKED);
        meters.lockout(SignInMeters.LockKind.IP);
        meters.consent(false);
        meters.productLogout("cas");
        meters.rpInitiatedLogout();
        new SignInMeters(registry).signIn(SignInMeters.Via.PASSWORD_GRANT, SignInMeters.Outcome.LOCKED);

        assertEquals(2.0, registry.get("lanyard.signins").tags("via", "password_grant", "outcome", "locked")
                .counter().count(), "a second SignInMeters counts into the same series");
        assertEquals(0.0, registry.get("lanyard.signins").tags("via", "login_page", "outcome", "locked")
                .counter().count());
        assertEquals(1.0, registry.get("lanyard.lockouts").tag("kind", "ip").counter().count());
        assertEquals(1.0, registry.get("lanyard.consents").tag("decision", "denied").counter().count());
        assertEquals(1.0, registry.get("lanyard.logouts").tags("kind", "product", "dialect", "cas").counter().count());
        assertEquals(1.0, registry.get("lanyard.logouts").tags("kind", "rp_initiated").counter().count());
    }
}
