package edu.lanyard.devkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A KRaft cluster of real broker processes, each a JVM of its own started from Kafka's jars ({@code kafka.Kafka},
 * on this JVM's class path), every node both broker and controller, so that a test can {@code kill -9} one and
 * start it again on the same ports with the same data.
 *
 * <p>Each node listens on 127.0.0.1: once per {@link ClientListener}, secured as it says, for the system under
 * test; {@code INTERNAL}, plaintext, between brokers and for the test's own reading of the log
 * ({@link #internalBootstrap()}); {@code CONTROLLER} for the quorum. Broker logs go to {@code node-N.log} in the
 * cluster's directory, which is removed on close.
 */
public final class KafkaBrokerProcesses implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final List<KafkaBrokerNode> nodes;
    private final List<ClientListener> listeners;

    /**
     * A listener for the system under test: its name, how it is secured, the broker settings that takes (without
     * the {@code listener.name.<name>.} prefix, which is added) and the SCRAM users it needs.
     */
    public record ClientListener(String name, String protocol, Map<String, String> properties,
                                 List<String> scramUsers) {
        public static ClientListener plaintext() {
            return new ClientListener("CLIENT", "PLAINTEXT", Map.of(), List.of());
        }

        /** SASL_PLAINTEXT with one SCRAM user, created in the cluster's bootstrap metadata at format time. */
        public static ClientListener scram(String mechanism, String username, String password) {
            return new ClientListener("SASL", "SASL_PLAINTEXT", Map.of(
                    "sasl.enabled.mechanisms", mechanism,
                    mechanism.toLowerCase() + ".sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                    List.of(mechanism + "=[name=" + username + ",password=" + password + "]"));
        }

        /** SSL with the broker's certificate and, if {@code requireClientCertificate}, mutual TLS. */
        public static ClientListener ssl(TlsStores.Store brokerKeystore, TlsStores.Store clientTrust,
                                         boolean requireClientCertificate) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("ssl.keystore.location", brokerKeystore.path().toString());
            properties.put("ssl.keystore.password", brokerKeystore.password());
            properties.put("ssl.keystore.type", "PKCS12");
            properties.put("ssl.truststore.location", clientTrust.path().toString());
            properties.put("ssl.truststore.password", clientTrust.password());
            properties.put("ssl.truststore.type", "PKCS12");
            properties.put("ssl.client.auth", requireClientCertificate ? "required" : "none");
            return new ClientListener("SSL", "SSL", Map.copyOf(properties), List.of());
        }
    }

    private KafkaBrokerProcesses(Path dir, List<KafkaBrokerNode> nodes, List<ClientListener> listeners) {
        this.dir = dir;
        this.nodes = nodes;
        this.listeners = listeners;
    }

    /**
     * Formats and starts {@code count} nodes with one listener per {@code listeners} for the system under test and
     * waits until every one serves. {@code brokerProperties} are added to every node's configuration (e.g. a
     * shorter {@code broker.session.timeout.ms}).
     */
    public static KafkaBrokerProcesses start(int count, Map<String, String> brokerProperties,
                                             ClientListener... listeners) {
        if (listeners.length == 0) {
            throw new IllegalArgumentException("at least one client listener");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("lanyard-kafka-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the Kafka cluster", e);
        }
        List<ClientListener> clients = List.of(listeners);
        List<KafkaBrokerNode> nodes = IntStream.rangeClosed(1, count)
                .mapToObj(id -> new KafkaBrokerNode(id,
                        clients.stream().collect(Collectors.toMap(ClientListener::name, l -> FreePorts.pick())),
                        FreePorts.pick(), FreePorts.pick(), dir.resolve("node-" + id)))
                .toList();
        String voters = nodes.stream().map(n -> n.id + "@127.0.0.1:" + n.controllerPort)
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        List<String> scramUsers = clients.stream().flatMap(l -> l.scramUsers().stream()).toList();
        KafkaBrokerProcesses cluster = new KafkaBrokerProcesses(dir, nodes, clients);
        try {
            for (KafkaBrokerNode node : nodes) {
                format(node, clusterId, scramUsers);
                writeConfig(node, voters, count, clients, brokerProperties);
            }
            nodes.forEach(KafkaBrokerNode::launch);
            cluster.awaitBrokers(count);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The first client listener of every node, for the system under test. */
    public String bootstrapServers() {
        return bootstrapServers(listeners.get(0));
    }

    /** The given client listener of every node. */
    public String bootstrapServers(ClientListener listener) {
        return nodes.stream().map(n -> "127.0.0.1:" + n.clientPorts.get(listener.name()))
                .collect(Collectors.joining(","));
    }

    /** The plaintext {@code INTERNAL} listeners, for the test itself. */
    public String internalBootstrap() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.internalPort).collect(Collectors.joining(","));
    }

    /** {@code kill -9} of node {@code id} (1-based): no controlled shutdown, no flush, sockets reset. */
    public void kill(int id) {
        node(id).kill();
    }

    /** Starts a killed node again with its data and ports, and waits until the cluster counts it again. */
    public void restart(int... ids) {
        for (int id : ids) {
            node(id).launch();
        }
        awaitBrokers(nodes.stream().filter(KafkaBrokerNode::alive).count());
    }

    /** The node that is the quorum's active controller now (waits for one while an election runs). */
    public int activeController() {
        Integer[] leader = new Integer[1];
        await("an active controller", START_TIMEOUT, () -> {
            leader[0] = admin(a -> a.describeMetadataQuorum().quorumInfo().get(5, TimeUnit.SECONDS).leaderId());
            return leader[0] != null && leader[0] > 0;
        });
        return leader[0];
    }

    /** Waits until every partition of {@code topic} has all its replicas in sync again. */
    public void awaitFullIsr(String topic, Duration timeout) {
        await("every replica of " + topic + " in sync", timeout, () -> {
            TopicDescription description = admin(a -> a.describeTopics(List.of(topic)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(topic));
            return description != null && description.partitions().stream()
                    .allMatch(p -> p.isr().size() == p.replicas().size());
        });
    }

    private void awaitBrokers(long expected) {
        await(expected + " brokers serving", START_TIMEOUT, () -> {
            nodes.forEach(KafkaBrokerNode::requireAliveIfLaunched);
            // a socket first: an admin client asking a port nobody listens on yet logs a warning per attempt
            if (nodes.stream().filter(KafkaBrokerNode::alive).anyMatch(n -> !listening(n.internalPort))) {
                return false;
            }
            Integer serving = admin(a -> a.describeCluster().nodes().get(5, TimeUnit.SECONDS).size());
            return serving != null && serving >= expected;
        });
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private interface AdminCall<T> {
        T call(Admin admin) throws Exception;
    }

    /** One call on a fresh admin client of the live nodes' internal listeners; null while it cannot answer. */
    private <T> T admin(AdminCall<T> call) {
        String live = nodes.stream().filter(KafkaBrokerNode::alive).map(n -> "127.0.0.1:" + n.internalPort)
                .collect(Collectors.joining(","));
        if (live.isEmpty()) {
            return null;
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", live, "request.timeout.ms", "3000",
                "default.api.timeout.ms", "5000"))) {
            return call.call(admin);
        } catch (Exception notYet) {
            return null;
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }

    private KafkaBrokerNode node(int id) {
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("no node " + id + " in a cluster of " + nodes.size());
        }
        return nodes.get(id - 1);
    }

    @Override
    public void close() {
        nodes.forEach(KafkaBrokerNode::kill);
        Directories.deleteRecursively(dir);
    }

    private static void format(KafkaBrokerNode node, String clusterId, List<String> scramUsers) {
        try {
            Files.createDirectories(node.dataDir);
            Formatter formatter = new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(node.id)
                    .setClusterId(clusterId)
                    .setControllerListenerName("CONTROLLER")
                    .addDirectory(node.dataDir.toString())
                    .setMetadataLogDirectory(node.dataDir.toString());
            if (!scramUsers.isEmpty()) {
                formatter.setScramArguments(scramUsers);
            }
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage of node " + node.id + ": " + e.getMessage(),
                    e);
        }
    }

    private static void writeConfig(KafkaBrokerNode node, String voters, int count, List<ClientListener> clients,
                                    Map<String, String> extra) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(node.id));
        props.put("controller.quorum.voters", voters);
        props.put("controller.listener.names", "CONTROLLER");
        String clientListeners = clients.stream().map(l -> l.name() + "://127.0.0.1:" + node.clientPorts.get(l.name()))
                .collect(Collectors.joining(","));
        props.put("listeners", clientListeners + ",INTERNAL://127.0.0.1:" + node.internalPort
                + ",CONTROLLER://127.0.0.1:" + node.controllerPort);
        props.put("advertised.listeners", clientListeners + ",INTERNAL://127.0.0.1:" + node.internalPort);
        props.put("listener.security.protocol.map", clients.stream().map(l -> l.name() + ":" + l.protocol())
                .collect(Collectors.joining(",")) + ",INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        for (ClientListener listener : clients) {
            String prefix = "listener.name." + listener.name().toLowerCase() + ".";
            listener.properties().forEach((key, value) -> props.put(prefix + key, value));
        }
        props.put("inter.broker.listener.name", "INTERNAL");
        props.put("log.dirs", node.dataDir.toString());
        String replicas = String.valueOf(Math.min(3, count));
        props.put("default.replication.factor", replicas);
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", replicas);
        props.put("transaction.state.log.replication.factor", replicas);
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", replicas);
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.segment.bytes", Integer.toString(1 << 20));
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 << 20));
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.putAll(extra);
        try (Writer out = Files.newBufferedWriter(node.config())) {
            props.store(out, "node " + node.id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
