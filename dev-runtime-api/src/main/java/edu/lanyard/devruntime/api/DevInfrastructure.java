package edu.lanyard.devruntime.api;

import java.nio.file.Path;

/**
 * The infrastructure that {@code lanyard dev} runs inside its own JVM and a production node never does: today an
 * in-process Kafka broker. The launcher finds an implementation with {@link java.util.ServiceLoader}; the only one
 * lives in the {@code dev-runtime} module, which ships as {@code lanyard-dev.jar} beside {@code lanyard.jar}.
 */
public interface DevInfrastructure {

    /**
     * Starts a single-node Kafka cluster (broker and controller in one) on 127.0.0.1 and waits until it serves
     * clients. Formats {@code dataDir} unless it already holds a broker's data, so records survive a restart.
     *
     * @param port the client port; 0 picks a free one
     */
    EmbeddedBroker startKafka(Path dataDir, int port);

    /** A broker running inside this JVM; closing it stops it. */
    interface EmbeddedBroker extends AutoCloseable {
        /** {@code host:port} for Kafka clients. */
        String bootstrapServers();

        @Override
        void close();
    }
}
