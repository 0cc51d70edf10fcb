package edu.lanyard.directory.importing;

import edu.lanyard.core.crypto.ClientSecretHasher;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.RedirectUriMatch;
import edu.lanyard.devkit.Await;
import edu.lanyard.directory.db.ClientRepository;
import edu.lanyard.directory.db.PgPools;
import edu.lanyard.directory.db.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's client writes: the import's validation and upsert, secrets made here and shown once. */
@ExtendWith(VertxExtension.class)
class ClientWritesTest {
    private static final ClientSecretHasher SECRETS = new ClientSecretHasher();

    private static TestDatabase db;
    private static Pool pool;
    private static ClientWrites writes;

    @BeforeAll
    static void setUp(Vertx vertx) {
        db = TestDatabase.migrated();
        pool = PgPools.create(vertx, db.config());
        writes = new ClientWrites(vertx, pool, SECRETS, ImportFiles.TOKEN_DEFAULTS);
    }

    @AfterAll
    static void tearDown() {
        Await.result(pool.close());
        db.close();
    }

    @AfterEach
    void emptyTables() throws SQLException {
        db.execute("truncate clients, users");
    }

    /** What the future failed with (Await rethrows it as it is). */
    private static Throwable failure(Future<?> future) {
        return assertThrows(RuntimeException.class, () -> Await.result(future));
    }

    private static Client stored(String id) {
        return Await.result(new ClientRepository(pool).findById(id)).orElseThrow();
    }

    @Test
    void aConfidentialClientGetsASecretThatOnlyItsHashIsKeptOf() {
        ClientWrites.Written written = Await.result(writes.create(ClientWrites.parse(
                "{\"client_id\":\"reports\",\"name\":\"Reports\",\"redirect_uris\":[\"https://r.campus.edu/cb\"],"
                        + "\"grant_types\":[\"authorization_code\",\"client_credentials\"],\"scopes\":[\"openid\"]}"),
                true));
        assertTrue(written.secret().length() >= 40);
        Client client = stored("reports");
        assertTrue(SECRETS.matches(client.secretHash(), written.secret()));
        assertFalse(client.secretHash().contains(written.secret()));
        assertEquals(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.CLIENT_CREDENTIALS), client.grantTypes());
        assertEquals(ImportFiles.TOKEN_DEFAULTS.accessTokenTtl(), client.accessTokenTtl(), "the import's defaults");
    }

    @Test
    void whatAnImportRefusesIsRefusedHereNamingTheProblem() {
        String[] bad = {
                "{\"client_id\":\"a\",\"grant_types\":[\"authorization_code\"]}",
                "{\"client_id\":\"a\",\"grant_types\":[\"teleport\"]}",
                "{\"client_id\":\"a\",\"grant_types\":[\"client_credentials\"],\"options\":{\"nope\":1}}",
                "{\"client_id\":\"a\",\"redirect_uris\":[\"https://a/(\"],\"redirect_uri_match\":\"regex\","
                        + "\"grant_types\":[\"authorization_code\"]}",
                "{\"client_id\":\"a\",\"grant_types\":[\"client_credentials\"],\"access_token_ttl\":-5}"};
        for (String body : bad) {
            Throwable refused = failure(writes.create(ClientWrites.parse(body), true));
            assertInstanceOf(InvalidImportException.class, refused, body);
        }
        assertInstanceOf(InvalidImportException.class, failure(writes.create(ClientWrites.parse(
                "{\"client_id\":\"a\",\"grant_types\":[\"client_credentials\"]}"), false)),
                "a public client cannot use client_credentials");
        assertThrows(InvalidImportException.class, () -> ClientWrites.parse(
                "{\"client_id\":\"a\",\"client_secret\":\"typed\",\"grant_types\":[\"client_credentials\"]}"));
        assertThrows(InvalidImportException.class, () -> ClientWrites.parse("{\"client_id\":\"a\",\"colour\":1}"));
    }

    @Test
    void editingKeepsTheSecretAndChangesTheRest() {
        String secret = Await.result(writes.create(ClientWrites.parse(
                "{\"client_id\":\"portal\",\"redirect_uris\":[\"https://p.campus.edu/cb\"],"
                        + "\"grant_types\":[\"authorization_code\"]}"), true)).secret();
        Await.result(writes.replace(ClientWrites.parse(
                "{\"client_id\":\"portal\",\"name\":\"Portal\",\"redirect_uris\":[\"https://p.campus.edu/\"],"
                        + "\"redirect_uri_match\":\"prefix\",\"grant_types\":[\"authorization_code\"],"
                        + "\"access_token_ttl\":600}")));
        Client client = stored("portal");
        assertTrue(SECRETS.matches(client.secretHash(), secret), "the secret is kept");
        assertEquals(RedirectUriMatch.PREFIX, client.redirectUriMatch());
        assertEquals(600, client.accessTokenTtl());
        assertEquals("Portal", client.name());
        ClientWrites.Refused missing = (ClientWrites.Refused) failure(writes.replace(ClientWrites.parse(
                "{\"client_id\":\"ghost\",\"grant_types\":[\"client_credentials\"]}")));
        assertEquals(404, missing.status());
        ClientWrites.Refused taken = (ClientWrites.Refused) failure(writes.create(ClientWrites.parse(
                "{\"client_id\":\"portal\",\"grant_types\":[\"client_credentials\"]}"), true));
        assertEquals(409, taken.status());
    }

    @Test
    void rotatingReplacesTheSecretAndRefusesPublicClients() {
        String first = Await.result(writes.create(ClientWrites.parse(
                "{\"client_id\":\"batch\",\"grant_types\":[\"client_credentials\"]}"), true)).secret();
        String second = Await.result(writes.rotateSecret("batch")).secret();
        Client client = stored("batch");
        assertFalse(SECRETS.matches(client.secretHash(), first));
        assertTrue(SECRETS.matches(client.secretHash(), second));

        assertNull(Await.result(writes.create(ClientWrites.parse("{\"client_id\":\"spa\",\"redirect_uris\":"
                + "[\"https://s.campus.edu/cb\"],\"grant_types\":[\"authorization_code\"]}"), false)).secret());
        assertEquals(409, ((ClientWrites.Refused) failure(writes.rotateSecret("spa"))).status());
        assertEquals(404, ((ClientWrites.Refused) failure(writes.rotateSecret("ghost"))).status());
    }

    @Test
    void disablingKeepsEverythingElseAndOutlivesAnEditThatDoesNotSayOtherwise() {
        String secret = Await.result(writes.create(ClientWrites.parse(
                "{\"client_id\":\"feed\",\"grant_types\":[\"client_credentials\"]}"), true)).secret();
        Client off = Await.result(writes.setDisabled("feed", true)).client();
        assertTrue(off.disabled());
        assertTrue(stored("feed").disabled());
        assertTrue(SECRETS.matches(stored("feed").secretHash(), secret), "the secret is kept");

        Await.result(writes.replace(ClientWrites.parse(
                "{\"client_id\":\"feed\",\"name\":\"Feed\",\"grant_types\":[\"client_credentials\"]}")));
        assertTrue(stored("feed").disabled(), "an edit without the key leaves the client disabled");
        assertEquals("Feed", stored("feed").name());

        assertFalse(Await.result(writes.setDisabled("feed", false)).client().disabled());
        assertFalse(stored("feed").disabled());
        Await.result(writes.replace(ClientWrites.parse(
                "{\"client_id\":\"feed\",\"grant_types\":[\"client_credentials\"],\"disabled\":true}")));
        assertTrue(stored("feed").disabled(), "an edit may say disabled: true");

        assertEquals(404, ((ClientWrites.Refused) failure(writes.setDisabled("ghost", true))).status());
    }
}
