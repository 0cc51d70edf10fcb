package edu.lanyard.devkit;

import edu.lanyard.devruntime.EmbeddedKafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An {@link EmbeddedKafka} on a free port with its data in a temporary directory that is removed on close. */
final class EmbeddedTestKafka implements TestKafka {
    private final Path dataDir;
    private final EmbeddedKafka kafka;

    private EmbeddedTestKafka(Path dataDir, EmbeddedKafka kafka) {
        this.dataDir = dataDir;
        this.kafka = kafka;
    }

    static EmbeddedTestKafka startNew() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("lanyard-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for Kafka", e);
        }
        return new EmbeddedTestKafka(dataDir, EmbeddedKafka.start(dataDir, 0));
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void stop() {
        kafka.stop();
    }

    @Override
    public void start() {
        if (!kafka.isRunning()) {
            kafka.restart();
        }
    }

    @Override
    public void close() {
        kafka.close();
        Directories.deleteRecursively(dataDir);
    }
}
