package edu.lanyard.launcher;

import edu.lanyard.devkit.FreePorts;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two Lanyard nodes in this JVM, each with its own Hazelcast member, joined in one cluster of this run's own name
 * over one database and one event topic: what a test of cross-node behaviour starts. Node A imports the clients and
 * owns the database; node B joins it. Closed in reverse order.
 *
 * @param topic the event topic both nodes publish to
 */
public record TwoNodeCluster(LanyardTestServer nodeA, LanyardTestServer nodeB, String topic) implements AutoCloseable {

    /**
     * @param name     what the cluster name and topic are made from, with a random suffix per run
     * @param imported the classpath import node A loads
     * @param env      further settings for both nodes
     */
    public static TwoNodeCluster start(String name, String imported, Map<String, String> env) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int portA = FreePorts.pick();
        int portB = FreePorts.pick();
        String topic = "lanyard.events." + name + "-" + run;
        Map<String, String> shared = new HashMap<>(env);
        shared.put("LANYARD_HAZELCAST_CLUSTER_NAME", "lanyard-" + name + "-" + run);
        shared.put("LANYARD_HAZELCAST_MEMBERS", "127.0.0.1:" + portA + ",127.0.0.1:" + portB);
        shared.put("LANYARD_KAFKA_TOPIC", topic);
        Map<String, String> a = new HashMap<>(shared);
        a.put("LANYARD_HAZELCAST_PORT", String.valueOf(portA));
        LanyardTestServer nodeA = LanyardTestServer.builder().env(a).importing(imported).start();
        Map<String, String> b = new HashMap<>(shared);
        b.put("LANYARD_HAZELCAST_PORT", String.valueOf(portB));
        b.put("LANYARD_POSTGRES_DATABASE", nodeA.config().postgres().database());
        LanyardTestServer nodeB;
        try {
            nodeB = LanyardTestServer.builder().env(b).start();
        } catch (RuntimeException | Error e) {
            nodeA.close();
            throw e;
        }
        TwoNodeCluster cluster = new TwoNodeCluster(nodeA, nodeB, topic);
        assertEquals(2, nodeB.node().infrastructure().hazelcast().getCluster().getMembers().size(),
                "the nodes formed one cluster");
        return cluster;
    }

    @Override
    public void close() {
        try {
            nodeB.close();
        } finally {
            nodeA.close();
        }
    }
}
