package edu.lanyard.directory.db;

import edu.lanyard.core.cas.CasService;
import edu.lanyard.core.domain.RedirectUriMatch;
import edu.lanyard.devkit.Await;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CAS service registry in Postgres: loaded at start, kept current through NOTIFY, matched in import order. */
@ExtendWith(VertxExtension.class)
class CasServiceDirectoryTest {
    private static TestDatabase db;
    private static Pool directoryPool;
    private static Pool otherPool;
    private static CasServiceDirectory directory;

    private static CasService service(String id, String url, RedirectUriMatch match) {
        return new CasService(id, null, url, match, List.of("email"), false, null, null,
                CasService.LogoutType.BACK_CHANNEL);
    }

    @BeforeAll
    static void setUp(Vertx vertx) {
        db = TestDatabase.migrated();
        directoryPool = PgPools.create(vertx, db.config());
        otherPool = PgPools.create(vertx, db.config());
        Await.result(new CasServiceRepository(otherPool).upsertAll(List.of(
                service("narrow", "https://app.example.edu/admin/", RedirectUriMatch.PREFIX),
                service("wide", "https://app.example.edu/", RedirectUriMatch.PREFIX))));
        directory = Await.result(CasServiceDirectory.start(vertx, directoryPool, db.config()));
    }

    @AfterAll
    static void tearDown() {
        Await.result(directory.close());
        Await.result(directoryPool.close());
        Await.result(otherPool.close());
        db.close();
    }

    @Test
    void loadsAtStartAndMatchesInImportOrder() {
        assertEquals("narrow", directory.find("https://app.example.edu/admin/x").orElseThrow().id());
        assertEquals("wide", directory.find("https://app.example.edu/other").orElseThrow().id());
        assertEquals(List.of("email"), directory.find("https://app.example.edu/").orElseThrow().attributes());
        assertTrue(directory.find("https://evil.example.edu/").isEmpty());
        assertTrue(directory.find(null).isEmpty());
    }

    @Test
    void seesAServiceAddedByAnotherNode() {
        Await.result(new CasServiceRepository(otherPool).upsertAll(List.of(
                service("mail", "https://mail.example.edu/login", RedirectUriMatch.EXACT))));
        Await.until("the new service is registered",
                () -> directory.find("https://mail.example.edu/login").isPresent());
    }
}
