package edu.lanyard.projection;

import edu.lanyard.core.event.AccountLocked;
import edu.lanyard.core.event.AccountUnlocked;
import edu.lanyard.core.event.ClientChanged;
import edu.lanyard.core.event.PasswordReset;
import edu.lanyard.core.event.UserDisabled;
import edu.lanyard.core.event.UserEnabled;
import edu.lanyard.core.event.CasLogoutSent;
import edu.lanyard.core.event.CasTicketIssued;
import edu.lanyard.core.event.CasTicketValidated;
import edu.lanyard.core.event.CodeIssued;
import edu.lanyard.core.event.ConsentGranted;
import edu.lanyard.core.event.EventMeta;
import edu.lanyard.core.event.GrantRevoked;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.LoginFailed;
import edu.lanyard.core.event.PasswordRehashed;
import edu.lanyard.core.event.SessionEnded;
import edu.lanyard.core.event.SessionStarted;
import edu.lanyard.core.event.TokenRevoked;
import edu.lanyard.core.event.TokensIssued;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A small but complete story in events: every type, every merge rule, in the order they would happen. */
final class SampleEvents {
    private static final long T0 = Instant.parse("2026-11-20T08:00:00Z").toEpochMilli();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private SampleEvents() {
    }

    /** Ids follow from the time, so that the same story told twice has the same events. */
    static EventMeta at(long offsetMillis) {
        return new EventMeta(UUID.nameUUIDFromBytes(("event-" + offsetMillis + "-" + SEQUENCE.incrementAndGet())
                .getBytes(StandardCharsets.UTF_8)).toString(), 1, T0 + offsetMillis, "10.0.0.7");
    }

    static long seconds(long offsetMillis) {
        return (T0 + offsetMillis) / 1000;
    }

    static List<LifecycleEvent> story() {
        SEQUENCE.set(0);
        List<LifecycleEvent> events = new ArrayList<>();
        events.add(new SessionStarted(at(0), "cookie-1", "sub-alice", "alice", "portal", seconds(0),
                seconds(0) + 3600, seconds(0) + 86400, "sid-1"));
        events.add(new ConsentGranted(at(100), "sub-alice", "library", "openid profile"));
        events.add(new CodeIssued(at(200), "grant-1", "portal", "sub-alice", "code-1", "openid profile",
                seconds(200) + 60, "sid-1"));
        events.add(new TokensIssued(at(1_000), "grant-1", "portal", "sub-alice", "alice", "authorization_code",
                "openid profile", "sid-1", "at-1", seconds(1_000) + 3600, "opaque", "rt-1",
                seconds(1_000) + 86400, null, "code-1", seconds(0), null));
        events.add(new TokensIssued(at(61_000), "grant-1", "portal", "sub-alice", "alice", "authorization_code",
                "openid", "sid-1", "at-2", seconds(61_000) + 3600, "opaque", "rt-2",
                seconds(61_000) + 86400, "rt-1", null, seconds(0), null));
        events.add(new TokensIssued(at(62_000), "grant-2", "service", null, null, "client_credentials",
                "reports.read", null, "at-3", seconds(62_000) + 600, "jwt", null, null, null, null, null, null));
        events.add(new TokenRevoked(at(63_000), "grant-2", "service", "at-3", "ACCESS_TOKEN", "revoked_by_client"));
        events.add(new ConsentGranted(at(64_000), "sub-alice", "library", "email openid"));
        events.add(new LoginFailed(at(65_000), "bob", "portal", "bad_credentials"));
        events.add(new AccountLocked(at(66_000), "bob", "user", 5, seconds(66_000) + 300));
        events.add(new PasswordRehashed(at(67_000), "sub-carol", "carol", "pbkdf2-sha256$1000$c2FsdA$aGFzaA",
                "0000000000000000000000000000000000000000000000000000000000000000"));
        events.add(new GrantRevoked(at(120_000), "grant-1", "portal", "sub-alice", "logout", 86400));
        events.add(new GrantRevoked(at(120_000), "grant-1", null, "sub-alice", "admin", 3600));
        events.add(new SessionEnded(at(120_500), "cookie-1", "sub-alice", "logout"));
        events.add(new AccountUnlocked(at(121_000), "sub-bob", "bob", "helpdesk"));
        events.add(new UserDisabled(at(122_000), "sub-bob", "bob", "helpdesk"));
        events.add(new UserEnabled(at(123_000), "sub-bob", "bob", "helpdesk"));
        events.add(new PasswordReset(at(124_000), "sub-bob", "bob", "helpdesk", true));
        events.add(new ClientChanged(at(124_500), "app", "secret_rotated", "helpdesk"));
        events.add(new CasTicketIssued(at(125_000), "st-hash-1", "ST", "portal-cas", "sub-alice", "alice", "sid-2",
                seconds(125_000) + 10));
        events.add(new CasTicketValidated(at(126_000), "st-hash-1", "portal-cas", "sub-alice", "sid-2", "success"));
        events.add(new CasLogoutSent(at(127_000), "sid-2", "portal-cas", "sub-alice", "back_channel", true));
        return events;
    }
}
