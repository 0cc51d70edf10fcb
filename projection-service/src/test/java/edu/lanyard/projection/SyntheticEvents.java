package edu.lanyard.projection;

import edu.lanyard.core.event.CodeIssued;
import edu.lanyard.core.event.ConsentGranted;
import edu.lanyard.core.event.EventMeta;
import edu.lanyard.core.event.GrantRevoked;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.LoginFailed;
import edu.lanyard.core.event.SessionEnded;
import edu.lanyard.core.event.SessionStarted;
import edu.lanyard.core.event.TokenRevoked;
import edu.lanyard.core.event.TokensIssued;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A plausible stream of lifecycle events: families that are issued, refreshed (rotating), revoked; sessions that
 * start and end; consents; failed logins. Deterministic for a seed, timed from {@code startMillis} on.
 */
final class SyntheticEvents {
    private final Random random;
    private long now;
    private final List<String[]> families = new ArrayList<>();
    private final List<String> sessions = new ArrayList<>();
    private int counter;

    SyntheticEvents(long seed, long startMillis) {
        this.random = new Random(seed);
        this.now = startMillis;
    }

    long now() {
        return now;
    }

    List<LifecycleEvent> next(int count) {
        List<LifecycleEvent> events = new ArrayList<>(count);
        while (events.size() < count) {
            now += 5 + random.nextInt(40);
            events.add(one());
        }
        return events;
    }

    private LifecycleEvent one() {
        int dice = random.nextInt(100);
        String client = "client-" + random.nextInt(4);
        String subject = "sub-" + random.nextInt(20);
        if (dice < 30 || families.isEmpty()) {
            String grant = id("grant");
            String refresh = id("rt");
            families.add(new String[]{grant, client, subject, refresh});
            return new TokensIssued(meta(), grant, client, subject, "user-" + subject, "password", "openid profile",
                    null, id("at"), seconds() + 3600, "opaque", refresh, seconds() + 86400, null, null, null, null);
        }
        String[] family = families.get(random.nextInt(families.size()));
        if (dice < 60) {
            String refresh = id("rt");
            String previous = family[3];
            family[3] = refresh;
            return new TokensIssued(meta(), family[0], family[1], family[2], "user-" + family[2], "password",
                    "openid", null, id("at"), seconds() + 3600, "opaque", refresh, seconds() + 86400, previous, null,
                    seconds() - 100, null);
        }
        if (dice < 66) {
            return new GrantRevoked(meta(), family[0], family[1], family[2],
                    random.nextBoolean() ? "logout" : "refresh_token_reuse", 86400);
        }
        if (dice < 70) {
            return new TokenRevoked(meta(), family[0], family[1], family[3], "REFRESH_TOKEN", "revoked_by_client");
        }
        if (dice < 78) {
            String session = id("cookie");
            sessions.add(session);
            return new SessionStarted(meta(), session, subject, "user-" + subject, client, seconds(),
                    seconds() + 3600, seconds() + 86400, id("sid"));
        }
        if (dice < 82 && !sessions.isEmpty()) {
            return new SessionEnded(meta(), sessions.get(random.nextInt(sessions.size())), subject, "logout");
        }
        if (dice < 88) {
            return new CodeIssued(meta(), id("grant"), client, subject, id("code"), "openid", seconds() + 60,
                    sessions.isEmpty() ? null : "sid-of-" + sessions.get(0));
        }
        if (dice < 94) {
            return new ConsentGranted(meta(), subject, client, random.nextBoolean() ? "openid email" : "profile");
        }
        return new LoginFailed(meta(), "user-" + subject, client, "bad_credentials");
    }

    private EventMeta meta() {
        return new EventMeta(UUID.nameUUIDFromBytes(("synthetic-" + counter++ + "-" + now).getBytes()).toString(),
                1, now, "192.0.2." + random.nextInt(255));
    }

    private long seconds() {
        return now / 1000;
    }

    private String id(String kind) {
        return kind + "-" + (counter++) + "-" + Long.toHexString(random.nextLong());
    }
}
