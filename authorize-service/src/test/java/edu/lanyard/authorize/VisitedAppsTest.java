package edu.lanyard.authorize;

import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.MutableClock;
import edu.lanyard.devkit.memory.MemorySharedMaps;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The apps a session signed into, for MaxKey's back-channel logout. */
class VisitedAppsTest {
    private final VisitedApps apps = new VisitedApps(new MemorySharedMaps(MutableClock.atFixedInstant()));

    @Test
    void eachAppOnceInTheOrderVisitedAndForgottenWhenTaken() {
        Await.result(apps.add("sid-1", "app-a", 600));
        Await.result(apps.add("sid-1", "app-b", 600));
        Await.result(apps.add("sid-1", "app-a", 600));
        Await.result(apps.add("sid-2", "app-c", 600));

        assertEquals(List.of("app-a", "app-b"), List.copyOf(Await.result(apps.take("sid-1"))));
        assertEquals(Set.of(), Await.result(apps.take("sid-1")), "taken once: the session has ended");
        assertEquals(Set.of("app-c"), Await.result(apps.take("sid-2")));
        assertEquals(Set.of(), Await.result(apps.take("never-seen")));
    }
}
