package edu.lanyard.cluster.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import edu.lanyard.core.config.LanyardConfig;

import java.util.function.Consumer;

/**
 * Starts this process's Hazelcast: an embedded member (the default; any node serves any request from the shared
 * maps) or a client of an external cluster. Every {@code lanyard.*} map keeps {@code backupCount} synchronous
 * backups, so losing one member loses no token.
 */
public final class HazelcastNode {
    private HazelcastNode() {
    }

    /** Blocking: call at start-up, never on an event loop. */
    public static HazelcastInstance start(LanyardConfig.Hazelcast settings) {
        return start(settings, config -> {
        });
    }

    /**
     * As {@link #start(LanyardConfig.Hazelcast)}, letting the caller add to a member's configuration (map stores, say)
     * before it starts. A client has no member configuration: the external cluster's own applies.
     */
    public static HazelcastInstance start(LanyardConfig.Hazelcast settings, Consumer<Config> memberConfig) {
        System.setProperty("hazelcast.logging.type", "slf4j");
        return settings.client() ? client(settings) : member(settings, null, memberConfig);
    }

    /** A member with an explicit instance name, for tests that run several members in one JVM. */
    public static HazelcastInstance member(LanyardConfig.Hazelcast settings, String instanceName) {
        return member(settings, instanceName, config -> {
        });
    }

    public static HazelcastInstance member(LanyardConfig.Hazelcast settings, String instanceName,
                                           Consumer<Config> memberConfig) {
        Config config = new Config();
        if (instanceName != null) {
            config.setInstanceName(instanceName);
        }
        config.setClusterName(settings.clusterName());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // Hazelcast's own shutdown hook would leave the cluster the moment SIGTERM arrives, while requests still
        // being answered need the maps: the launcher leaves (gracefully, see GracefulShutdown) once they are done.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // Leaving waits for this member's partitions to be safe on the others, but not for ever.
        config.setProperty("hazelcast.graceful.shutdown.max.wait", String.valueOf(settings.shutdownTimeoutSeconds()));
        config.setProperty("hazelcast.logging.type", "slf4j");
        String bindHost = System.getenv().getOrDefault("LANYARD_HAZELCAST_BIND", "127.0.0.1");
        config.getNetworkConfig().setPort(settings.port()).setPortAutoIncrement(true);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(bindHost);
        config.setProperty("hazelcast.local.localAddress", bindHost);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        if (settings.members().isEmpty()) {
            join.getTcpIpConfig().addMember(bindHost);
        } else {
            settings.members().forEach(join.getTcpIpConfig()::addMember);
        }
        config.addMapConfig(new MapConfig("lanyard.*")
                .setBackupCount(settings.backupCount())
                .setAsyncBackupCount(0)
                .setReadBackupData(false));
        memberConfig.accept(config);
        return Hazelcast.newHazelcastInstance(config);
    }

    private static HazelcastInstance client(LanyardConfig.Hazelcast settings) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(settings.clusterName());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.client.shutdownhook.enabled", "false");   // as for a member, see above
        settings.members().forEach(config.getNetworkConfig()::addAddress);
        return HazelcastClient.newHazelcastClient(config);
    }
}
