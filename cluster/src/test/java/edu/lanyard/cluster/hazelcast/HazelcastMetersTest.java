package edu.lanyard.cluster.hazelcast;

import com.hazelcast.map.IMap;
import edu.lanyard.cluster.jose.TestCluster;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two real members: each sees both, each owns part of a map, and the parts add up to the map (backups apart). */
class HazelcastMetersTest {
    private static double entries(SimpleMeterRegistry registry, String map) {
        return registry.get("lanyard.hazelcast.map.entries").tag("map", map).gauge().value();
    }

    @Test
    void membersAndOwnedEntriesPerMember() {
        try (TestCluster cluster = TestCluster.start(2)) {
            SimpleMeterRegistry first = new SimpleMeterRegistry();
            SimpleMeterRegistry second = new SimpleMeterRegistry();
            IMap<String, String> sessions = cluster.member(0).getMap("lanyard.sessions");
            HazelcastMeters.bind(cluster.member(0), first, true);
            HazelcastMeters.bind(cluster.member(1), second, true);
            IMap<String, String> later = cluster.member(1).getMap("lanyard.codes"); // created after bind
            cluster.member(0).getMap("other.map").put("k", "v");
            for (int i = 0; i < 1000; i++) {
                sessions.put("session-" + i, "s");
            }
            later.put("code", "c");

            assertEquals(2.0, first.get("lanyard.hazelcast.members").gauge().value());
            assertEquals(2.0, second.get("lanyard.hazelcast.members").gauge().value());
            double own = entries(first, "lanyard.sessions");
            double theirs = entries(second, "lanyard.sessions");
            System.out.printf("lanyard.sessions: %.0f + %.0f owned entries of 1000%n", own, theirs);
            assertEquals(1000.0, own + theirs, "owned entries add up to the map; backups are not counted");
            assertTrue(own > 0 && theirs > 0, "each member owns some partitions");
            assertEquals(1.0, entries(first, "lanyard.codes") + entries(second, "lanyard.codes"),
                    "a map created after the gauges were bound has its own");
            assertTrue(first.find("lanyard.hazelcast.map.entries").tag("map", "other.map").gauges().isEmpty(),
                    "only lanyard.* maps");
        }
    }

    @Test
    void theClientPathReportsMembersOnly() {
        try (TestCluster cluster = TestCluster.start(1)) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            HazelcastMeters.bind(cluster.member(0), registry, false);
            assertEquals(1.0, registry.get("lanyard.hazelcast.members").gauge().value());
            assertTrue(registry.find("lanyard.hazelcast.map.entries").gauges().isEmpty());
            Gauge members = registry.get("lanyard.hazelcast.members").gauge();
            assertTrue(!members.getId().getDescription().isBlank());
        }
    }
}
