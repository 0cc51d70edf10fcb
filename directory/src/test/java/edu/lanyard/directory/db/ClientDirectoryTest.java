package edu.lanyard.directory.db;

import edu.lanyard.devkit.Await;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class ClientDirectoryTest {
    private static TestDatabase db;
    private static Pool directoryPool;
    /** Another node's pool: changes made through it reach the directory only through NOTIFY. */
    private static Pool otherPool;
    private static ClientDirectory directory;

    @BeforeAll
    static void setUp(Vertx vertx) {
        db = TestDatabase.migrated();
        directoryPool = PgPools.create(vertx, db.config());
        otherPool = PgPools.create(vertx, db.config());
        Await.result(new ClientRepository(otherPool).upsert(TestClients.confidential("preloaded", "Preloaded")));
        directory = Await.result(ClientDirectory.start(vertx, directoryPool, db.config()));
    }

    @AfterAll
    static void tearDown() {
        Await.result(directory.close());
        Await.result(directoryPool.close());
        Await.result(otherPool.close());
        db.close();
    }

    @Test
    void loadsEveryClientAtStart() {
        assertEquals("Preloaded", directory.find("preloaded").orElseThrow().name());
        assertTrue(directory.find("never-registered").isEmpty());
        assertTrue(directory.find(null).isEmpty());
    }

    @Test
    void seesAnUpsertMadeThroughAnotherPool() {
        ClientRepository elsewhere = new ClientRepository(otherPool);

        Await.result(elsewhere.upsert(TestClients.confidential("portal", "Campus Portal")));
        Await.until("the new client is in the directory", () -> directory.find("portal").isPresent());

        Await.result(elsewhere.upsert(TestClients.confidential("portal", "Campus Portal v2")));
        Await.until("the rename is in the directory",
                () -> directory.find("portal").map(c -> c.name().equals("Campus Portal v2")).orElse(false));

        Await.result(elsewhere.delete("portal"));
        Await.until("the deleted client is gone", () -> directory.find("portal").isEmpty());
    }

    @Test
    void reloadsEverythingAfterItsListenerReconnects() throws SQLException {
        int subscriptions = directory.listener().subscriptions();
        // Written with triggers off: exactly the change a listener misses while its connection is down.
        db.executeSilently("insert into clients (client_id, name, secret_hash, access_token_ttl, refresh_token_ttl,"
                + " code_ttl, grant_types, redirect_uris) values ('missed', 'Missed', 'sha256$c2FsdA$aGFzaA',"
                + " 60, 60, 60, '[\"client_credentials\"]', '[]')");
        assertTrue(directory.find("missed").isEmpty(), "no notification was sent, so nothing has told the directory");

        assertEquals(1, db.terminateSessions("lanyard-clients-listener"));

        Await.until("the listener re-subscribed", Duration.ofSeconds(15),
                () -> directory.listener().subscriptions() > subscriptions);
        Await.until("the full reload picked up the missed client", () -> directory.find("missed").isPresent());

        Await.result(new ClientRepository(otherPool).upsert(TestClients.confidential("after-reconnect", "A")));
        Await.until("notifications flow again", () -> directory.find("after-reconnect").isPresent());
    }
}
