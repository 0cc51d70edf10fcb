package edu.lanyard.devkit;

/** The Kafka broker that {@link TestInfrastructure} hands to tests, wherever it runs. */
interface TestKafka extends AutoCloseable {
    String bootstrapServers();

    /** Takes the broker away from clients; their sends then fail. No-op if already stopped. */
    void stop();

    /** Brings a stopped broker back with its data and address. No-op if running. */
    void start();

    @Override
    void close();
}
