package edu.lanyard.cluster.jose;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/** Real embedded Hazelcast members on 127.0.0.1 in this JVM, in a cluster of their own. */
public final class TestCluster implements AutoCloseable {
    /** The master key every member of a test cluster shares, as the nodes of one deployment do. */
    static final edu.lanyard.core.crypto.MasterKeys MASTER_KEYS = edu.lanyard.core.crypto.MasterKeys.random();


    private static final int PORT_COUNT = 10;

    static {
        System.setProperty("org.slf4j.simpleLogger.log.com.hazelcast", "warn");
    }

    private final String name = "lanyard-jose-test-" + UUID.randomUUID();
    /** A random port range keeps parallel builds on this machine out of each other's way. */
    private final int basePort = ThreadLocalRandom.current().nextInt(20_000, 40_000);
    private final List<HazelcastInstance> members = new ArrayList<>();

    public static TestCluster start(int size) {
        TestCluster cluster = new TestCluster();
        for (int i = 0; i < size; i++) {
            cluster.members.add(Hazelcast.newHazelcastInstance(cluster.memberConfig()));
        }
        // A member's start returns once it joined; the others may learn of it a moment later.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!cluster.members.stream().allMatch(member -> member.getCluster().getMembers().size() == size)) {
            if (System.nanoTime() - deadline > 0) {
                cluster.close();
                throw new IllegalStateException("members did not form one cluster of " + size);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the cluster formed", e);
            }
        }
        return cluster;
    }

    public HazelcastInstance member(int index) {
        return members.get(index);
    }

    private Config memberConfig() {
        Config config = new Config().setClusterName(name);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        NetworkConfig network = config.getNetworkConfig()
                .setPort(basePort)
                .setPortAutoIncrement(true)
                .setPortCount(PORT_COUNT);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(IntStream.range(basePort, basePort + PORT_COUNT)
                .mapToObj(port -> "127.0.0.1:" + port).toList());
        return config;
    }

    @Override
    public void close() {
        // One cluster-wide shutdown, so no member spends its last moments warning about the others leaving.
        members.stream().filter(member -> member.getLifecycleService().isRunning()).findFirst()
                .ifPresent(member -> member.getCluster().shutdown());
    }
}
