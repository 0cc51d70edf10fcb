package edu.lanyard.devruntime;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Formats a KRaft data directory once, as {@code kafka-storage.sh format} would. */
final class KafkaStorage {
    private static final String META_PROPERTIES = "meta.properties";

    private KafkaStorage() {
    }

    static void formatIfNeeded(Path dataDir) {
        if (Files.exists(dataDir.resolve(META_PROPERTIES))) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(KafkaNodeConfig.NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(KafkaNodeConfig.CONTROLLER_LISTENER)
                    .addDirectory(dataDir.toString())
                    .setMetadataLogDirectory(dataDir.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + dataDir + ": " + e.getMessage(), e);
        }
    }
}
