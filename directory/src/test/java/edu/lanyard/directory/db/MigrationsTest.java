package edu.lanyard.directory.db;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationsTest {
    private static TestDatabase db;
    private static int firstRun;

    @BeforeAll
    static void migrateFreshDatabase() {
        db = TestDatabase.empty();
        firstRun = Migrations.apply(db.config());
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void createsClientsAndUsersThenHasNothingLeftToDo() throws SQLException {
        assertTrue(firstRun >= 1, "a fresh database gets at least V1");
        assertEquals(0, Migrations.apply(db.config()));
        try (Connection c = db.jdbc(); var rows = c.createStatement().executeQuery(
                "select table_name from information_schema.tables where table_schema = 'public'"
                        + " and table_name in ('clients', 'users') order by table_name")) {
            List<String> tables = new ArrayList<>();
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
            assertEquals(List.of("clients", "users"), tables);
        }
    }

    @Test
    void changesAreAnnouncedOnTheDirectoryChannel() throws SQLException {
        try (Connection listener = db.jdbc()) {
            listener.createStatement().execute("listen lanyard_directory");
            db.execute("insert into clients (client_id, name, access_token_ttl, refresh_token_ttl, code_ttl)"
                    + " values ('notify-me', 'N', 60, 60, 60)");
            db.execute("update clients set client_id = 'renamed' where client_id = 'notify-me'");
            db.execute("insert into users (subject, username, password_hash) values ('s-1', 'u1', 'x')");
            db.execute("delete from users where subject = 's-1'");

            List<String> payloads = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 5_000;
            while (payloads.size() < 5 && System.currentTimeMillis() < deadline) {
                PGNotification[] batch = listener.unwrap(PGConnection.class).getNotifications(200);
                for (PGNotification n : batch == null ? new PGNotification[0] : batch) {
                    payloads.add(n.getParameter());
                }
            }
            assertEquals(List.of("client:notify-me", "client:renamed", "client:notify-me", "user:s-1", "user:s-1"),
                    payloads);
        }
    }

    @Test
    void aPublicClientCannotBeStoredWithoutRotation() {
        SQLException e = assertThrows(SQLException.class, () -> db.execute(
                "insert into clients (client_id, name, access_token_ttl, refresh_token_ttl, code_ttl,"
                        + " rotate_refresh_tokens) values ('pub', 'P', 60, 60, 60, false)"));
        assertTrue(e.getMessage().contains("public_clients_rotate"), e.getMessage());
    }

    @Test
    void aPublicClientCannotBeAResourceServer() {
        SQLException e = assertThrows(SQLException.class, () -> db.execute(
                "insert into clients (client_id, name, access_token_ttl, refresh_token_ttl, code_ttl,"
                        + " resource_server) values ('pub-api', 'P', 60, 60, 60, true)"));
        assertTrue(e.getMessage().contains("public_clients_are_no_resource_servers"), e.getMessage());
    }

    @Test
    void unknownGrantTypesAreRejected() {
        SQLException e = assertThrows(SQLException.class, () -> db.execute(
                "insert into clients (client_id, name, access_token_ttl, refresh_token_ttl, code_ttl, grant_types)"
                        + " values ('odd', 'O', 60, 60, 60, '[\"device_code\"]')"));
        assertTrue(e.getMessage().contains("grant_types"), e.getMessage());
    }
}
