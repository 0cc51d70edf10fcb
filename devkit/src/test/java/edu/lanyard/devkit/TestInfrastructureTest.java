package edu.lanyard.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class TestInfrastructureTest {
    private final TestInfrastructure infrastructure = TestInfrastructure.shared();

    @Test
    void isOneInstancePerJvm() {
        assertSame(infrastructure, TestInfrastructure.shared());
    }

    @Test
    void freshDatabasesAreDistinctEmptyAndAcceptQueries() throws SQLException {
        PostgresCoordinates first = infrastructure.freshDatabase();
        PostgresCoordinates second = infrastructure.freshDatabase();

        assertNotEquals(first.database(), second.database());
        try (Connection connection = connect(first);
             var statement = connection.createStatement()) {
            statement.execute("create table marker (id int primary key)");
            statement.execute("insert into marker values (42)");
            try (var rows = statement.executeQuery("select id, current_database() from marker")) {
                rows.next();
                assertEquals(42, rows.getInt(1));
                assertEquals(first.database(), rows.getString(2));
            }
        }
        try (Connection connection = connect(second);
             var statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from pg_tables where tablename = 'marker'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "a fresh database must not see another one's tables");
        }
    }

    @Test
    void sharedKafkaCanBeStoppedAndStartedAgain() throws Exception {
        String bootstrap = infrastructure.kafkaBootstrap();
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(bootstrap)) {
            producer.send(new ProducerRecord<>("shared", "k", "first")).get(10, TimeUnit.SECONDS);
            infrastructure.stopKafka();
            try {
                assertThrows(ExecutionException.class,
                        () -> producer.send(new ProducerRecord<>("shared", "k", "lost")).get(10, TimeUnit.SECONDS));
            } finally {
                infrastructure.startKafka();
            }
            producer.send(new ProducerRecord<>("shared", "k", "second")).get(20, TimeUnit.SECONDS);
        }

        assertEquals(bootstrap, infrastructure.kafkaBootstrap());
        List<String> values = KafkaTestClients.readValues(bootstrap, "shared", 2, Duration.ofSeconds(20));
        assertEquals(List.of("first", "second"), values);
        assertFalse(values.contains("lost"));
    }

    private static Connection connect(PostgresCoordinates database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", database.user());
        if (!database.password().isEmpty()) {
            props.setProperty("password", database.password());
        }
        return DriverManager.getConnection(database.jdbcUrl(), props);
    }
}
