package edu.lanyard.launcher.events;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.launcher.LanyardTestServer;

import java.util.HashMap;
import java.util.Map;

/** Starting test nodes that share a database and a topic, as the nodes of one deployment do. */
final class TestNodes {
    private TestNodes() {
    }

    /** Settings that make a new node use the same Postgres database and event topic as {@code first}. */
    static Map<String, String> sameDataAs(LanyardConfig first) {
        Map<String, String> env = new HashMap<>();
        env.put("LANYARD_POSTGRES_DATABASE", first.postgres().database());
        env.put("LANYARD_KAFKA_TOPIC", first.kafka().topic());
        return env;
    }

    static LanyardTestServer start(Map<String, String> overrides, boolean importClients) throws Exception {
        return LanyardTestServer.start(overrides,
                importClients ? ProjectionCorrectnessTest.resource("/events-clients.yaml") : null);
    }
}
