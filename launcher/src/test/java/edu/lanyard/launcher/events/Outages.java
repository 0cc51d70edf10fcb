package edu.lanyard.launcher.events;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.devkit.TestInfrastructure;
import edu.lanyard.launcher.Http;
import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Taking the test's Postgres or Kafka away and bringing it back, and what a node says about its dependencies
 * meanwhile. An outage ends when it is closed, so a try-with-resources block is the outage; several nest.
 */
final class Outages {
    private Outages() {
    }

    /** An outage in progress; closing it brings the dependency back. */
    interface Outage extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Postgres away for this test's database only, on the machine's shared server: new connections to it are
     * refused ({@code ALLOW_CONNECTIONS false}) and its sessions are terminated; every other database keeps working.
     */
    static Outage postgres(LanyardConfig.Postgres pg) {
        block(pg, true);
        return () -> block(pg, false);
    }

    /** The shared broker stopped (sends fail); on close it starts again at the same address, its data kept. */
    static Outage kafka() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        infrastructure.stopKafka();
        return infrastructure::startKafka;
    }

    /** The dependencies {@code /health/dependencies} of the node at {@code base} names DOWN (it answers 503 then). */
    static Set<String> down(String base) {
        Http.Reply reply = Http.get(base + "/health/dependencies", null);
        JsonObject checks = reply.json().getJsonObject("checks");
        Set<String> down = new TreeSet<>();
        checks.fieldNames().stream().filter(name -> checks.getString(name).startsWith("DOWN")).forEach(down::add);
        if (down.isEmpty() != (reply.status() == 200)) {
            throw new AssertionError("/health/dependencies answered " + reply.status() + " with " + reply.body());
        }
        return down;
    }

    /** Refuses (or allows again) connections to this test's database only, and ends the ones it has. */
    private static void block(LanyardConfig.Postgres pg, boolean blocked) {
        Properties props = new Properties();
        props.setProperty("user", pg.user());
        if (!pg.password().isEmpty()) {
            props.setProperty("password", pg.password());
        }
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + pg.host() + ":" + pg.port()
                + "/postgres", props); var statement = admin.createStatement()) {
            statement.execute("alter database " + pg.database() + " allow_connections " + !blocked);
            if (blocked) {
                try (var kill = admin.prepareStatement("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where datname = ? and pid <> pg_backend_pid()")) {
                    kill.setString(1, pg.database());
                    kill.executeQuery().close();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + (blocked ? "block" : "unblock") + " database "
                    + pg.database() + ": " + e.getMessage(), e);
        }
    }
}
