package edu.lanyard.devruntime;

import kafka.server.KafkaConfig;

import java.nio.file.Path;
import java.util.Properties;

/** Configuration of a single-node KRaft cluster: one process is both broker and controller, bound to 127.0.0.1. */
final class KafkaNodeConfig {
    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private KafkaNodeConfig() {
    }

    static KafkaConfig combinedNode(Path dataDir, int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.toString());

        // One replica of everything, including the internal topics whose defaults assume three brokers.
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("auto.create.topics.enable", "true");
        // The event topic is the record every projection is rebuilt from: kept whole, never aged out after 7 days.
        props.put("log.retention.ms", "-1");

        // Fast start and small footprint: few internal partitions, no rebalance delay, small segments and buffers.
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.segment.bytes", Integer.toString(1 << 20));
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 << 20));
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        return KafkaConfig.fromProps(props, false);
    }
}
