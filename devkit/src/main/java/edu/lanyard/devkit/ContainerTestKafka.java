package edu.lanyard.devkit;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka in a Docker container of the same version as our client. Stopping pauses the container: a stopped and
 * started container would come back on another mapped port, which its advertised listener would not match.
 */
final class ContainerTestKafka implements TestKafka {
    private final KafkaContainer container;
    private boolean paused;

    private ContainerTestKafka(KafkaContainer container) {
        this.container = container;
    }

    static ContainerTestKafka startNew() {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse("apache/kafka:" + AppInfoParser.getVersion()));
        container.start();
        return new ContainerTestKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public synchronized void stop() {
        if (!paused) {
            container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
            paused = true;
        }
    }

    @Override
    public synchronized void start() {
        if (paused) {
            container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
            paused = false;
        }
    }

    @Override
    public void close() {
        container.stop();
    }
}
