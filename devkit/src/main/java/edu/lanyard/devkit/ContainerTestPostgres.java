package edu.lanyard.devkit;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Postgres in a Docker container; its superuser creates the test databases. */
final class ContainerTestPostgres implements TestPostgres {
    private static final DockerImageName IMAGE = DockerImageName.parse("postgres:16-alpine");

    private final PostgreSQLContainer container;
    private final LocalPostgres server;

    private ContainerTestPostgres(PostgreSQLContainer container) {
        this.container = container;
        this.server = new LocalPostgres(container.getHost(), container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                container.getUsername(), container.getPassword());
    }

    static ContainerTestPostgres startNew() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        return new ContainerTestPostgres(container);
    }

    @Override
    public LocalPostgres server() {
        return server;
    }

    @Override
    public void close() {
        container.stop();
    }
}
