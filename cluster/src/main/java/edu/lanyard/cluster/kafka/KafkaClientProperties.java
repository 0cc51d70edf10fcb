package edu.lanyard.cluster.kafka;

import edu.lanyard.core.config.KafkaSecurity;
import edu.lanyard.core.config.LanyardConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * The one place that says how a Kafka client of Lanyard reaches the brokers: the bootstrap servers and the
 * {@code kafka.security} settings as Kafka client properties. The event publisher, the projector, replay, the
 * cold-start and topic admin clients and the health check all start from these, so none can connect differently.
 *
 * <p>The passwords end up in {@code ssl.*.password} and {@code sasl.jaas.config}, which Kafka treats as secrets:
 * it prints them as {@code [hidden]} when it logs a client's configuration.
 */
public final class KafkaClientProperties {
    private KafkaClientProperties() {
    }

    /**
     * The shared properties for {@code bootstrapServers} (the configured cluster, or the embedded dev broker,
     * which is always plaintext on loopback and gets no security). Refuses, with one line naming the setting, a
     * store file this process cannot read.
     */
    public static Map<String, String> of(LanyardConfig.Kafka kafka, String bootstrapServers) {
        if (kafka.embedded()) {
            return plaintext(bootstrapServers);
        }
        KafkaSecurity security = kafka.security();
        security.requireReadableStores();
        Map<String, String> properties = plaintext(bootstrapServers);
        properties.put("security.protocol", security.protocol());
        if (security.tls()) {
            store(properties, "ssl.truststore", security.truststore());
            if (security.keystore().configured()) {
                store(properties, "ssl.keystore", security.keystore());
            }
        }
        if (security.usesSasl()) {
            KafkaSecurity.Sasl sasl = security.sasl();
            properties.put("sasl.mechanism", sasl.mechanism());
            properties.put("sasl.jaas.config", jaasConfig(sasl));
        }
        return properties;
    }

    /** A client of an unsecured broker, e.g. the test kit's. */
    public static Map<String, String> plaintext(String bootstrapServers) {
        Map<String, String> properties = new HashMap<>();
        properties.put("bootstrap.servers", bootstrapServers);
        return properties;
    }

    /** As {@link #of} with {@code extra} added: the client's own settings (timeouts, client.id …). */
    public static Map<String, Object> with(LanyardConfig.Kafka kafka, String bootstrapServers,
                                           Map<String, String> extra) {
        Map<String, Object> properties = new HashMap<>(of(kafka, bootstrapServers));
        properties.putAll(extra);
        return properties;
    }

    private static void store(Map<String, String> properties, String prefix, KafkaSecurity.Store store) {
        properties.put(prefix + ".location", store.path());
        properties.put(prefix + ".type", store.type());
        if (!store.password().isEmpty()) {
            properties.put(prefix + ".password", store.password());
        }
    }

    /**
     * The JAAS line of the mechanism's login module. Username and password are quoted, with backslash and quote
     * escaped, so any character a password manager produces survives.
     */
    static String jaasConfig(KafkaSecurity.Sasl sasl) {
        String module = "PLAIN".equals(sasl.mechanism())
                ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=" + quoted(sasl.username()) + " password=" + quoted(sasl.password())
                + ";";
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
