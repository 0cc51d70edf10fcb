package edu.lanyard.launcher.events;

import edu.lanyard.core.event.TokensIssued;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.devkit.EventLog;
import edu.lanyard.devkit.KafkaBrokerProcesses;
import edu.lanyard.devkit.KafkaBrokerProcesses.ClientListener;
import edu.lanyard.devkit.TlsStores;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lanyard against a broker (a process of its own) that requires authentication, on two listeners: SASL_PLAINTEXT
 * with SCRAM-SHA-512, and SSL with a client certificate required. Tokens are issued (the producer authenticates),
 * their events reach the projection (the projector's consumer authenticates), and the node reports Kafka up (the
 * health check's admin client authenticates). Wrong credentials stop the start with one line naming the setting and
 * no password.
 */
class KafkaSecurityTest {
    private static final String KAFKA_PASSWORD = "lanyard-kafka-pass-7f3a";

    @TempDir
    static Path dir;

    private static TlsStores.Store lanyardKeys;
    private static TlsStores.Store trustsBroker;
    private static ClientListener scram;
    private static ClientListener tls;
    private static KafkaBrokerProcesses kafka;

    @BeforeAll
    static void startBroker() {
        TlsStores.Store brokerKeys = TlsStores.keyStore(dir, "broker", "broker-store-pass");
        lanyardKeys = TlsStores.keyStore(dir, "lanyard", "lanyard-store-pass");
        trustsBroker = TlsStores.trustStore(dir, "trusts-broker", brokerKeys, "trust-pass-1");
        TlsStores.Store trustsLanyard = TlsStores.trustStore(dir, "trusts-lanyard", lanyardKeys, "trust-pass-2");
        scram = ClientListener.scram("SCRAM-SHA-512", "lanyard", KAFKA_PASSWORD);
        tls = ClientListener.ssl(brokerKeys, trustsLanyard, true);
        kafka = KafkaBrokerProcesses.start(1, Map.of(), scram, tls);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void scramSha512OverSaslPlaintext() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "LANYARD_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(scram),
                "LANYARD_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "LANYARD_KAFKA_SECURITY_SASL_MECHANISM", "SCRAM-SHA-512",
                "LANYARD_KAFKA_SECURITY_SASL_USERNAME", "lanyard",
                "LANYARD_KAFKA_SECURITY_SASL_PASSWORD", KAFKA_PASSWORD));
        issuesAndProjects(env, "SASL_PLAINTEXT SCRAM-SHA-512");

        env.put("LANYARD_KAFKA_SECURITY_SASL_PASSWORD", "not-the-kafka-pass-91c2");
        String refused = startFailure(env);
        System.out.println("wrong SCRAM password: " + refused);
        assertTrue(refused.contains("refused the credentials of kafka.security.sasl.username \"lanyard\""), refused);
        assertFalse(refused.contains("not-the-kafka-pass-91c2"), "the password is never shown");
    }

    @Test
    void mutualTls() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "LANYARD_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(tls),
                "LANYARD_KAFKA_SECURITY_PROTOCOL", "SSL",
                "LANYARD_KAFKA_SECURITY_TRUSTSTORE_PATH", trustsBroker.path().toString(),
                "LANYARD_KAFKA_SECURITY_TRUSTSTORE_PASSWORD", trustsBroker.password(),
                "LANYARD_KAFKA_SECURITY_KEYSTORE_PATH", lanyardKeys.path().toString(),
                "LANYARD_KAFKA_SECURITY_KEYSTORE_PASSWORD", lanyardKeys.password()));
        issuesAndProjects(env, "SSL with a client certificate");

        Map<String, String> noCertificate = new HashMap<>(env);
        noCertificate.remove("LANYARD_KAFKA_SECURITY_KEYSTORE_PATH");
        noCertificate.remove("LANYARD_KAFKA_SECURITY_KEYSTORE_PASSWORD");
        String refused = startFailure(noCertificate);
        System.out.println("no client certificate: " + refused);
        assertTrue(refused.contains("TLS with Kafka at " + kafka.bootstrapServers(tls) + " failed"), refused);

        Map<String, String> missingStore = new HashMap<>(env);
        missingStore.put("LANYARD_KAFKA_SECURITY_TRUSTSTORE_PATH", dir.resolve("nope.p12").toString());
        refused = startFailure(missingStore);
        System.out.println("missing truststore: " + refused);
        assertTrue(refused.contains("kafka.security.truststore.path: no such file"), refused);
        assertFalse(refused.contains(trustsBroker.password()), "the password is never shown");
    }

    /** A node on this broker issues a token whose event the projector writes to Postgres. */
    private static void issuesAndProjects(Map<String, String> env, String what) throws Exception {
        LanyardTestServer server = LanyardTestServer.builder().env(env).importing("/events-clients.yaml").start();
        try {
            Http.Reply issued = new Tokens(server.baseUrl()).clientCredentials("service",
                    MixedWorkload.SERVICE_SECRET, "reports.read");
            assertEquals(200, issued.status(), issued.body());
            String hash = TokenHash.of(issued.json().getString("access_token"));
            assertTrue(EventLog.readAll(kafka.internalBootstrap(), server.config().kafka().topic()).stream()
                    .anyMatch(e -> e instanceof TokensIssued t && hash.equals(t.accessTokenHash())));
            Projections projections = new Projections(server.config(), kafka.internalBootstrap());
            Wait.until("the projector to write the token", Duration.ofSeconds(30), () -> projections.count(
                    "select count(*) from projection.tokens where token_hash = '" + hash + "'") == 1);
            Http.Reply deps = Http.get(server.baseUrl() + "/health/dependencies", null);
            assertEquals(200, deps.status(), deps.body());
            assertTrue(deps.json().getJsonObject("checks").getString("kafka").startsWith("UP"), deps.body());
            System.out.println(what + ": token issued, its event logged and projected, kafka " + deps.json()
                    .getJsonObject("checks").getString("kafka"));
        } finally {
            server.close();
        }
    }

    private static String startFailure(Map<String, String> env) {
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> LanyardTestServer.builder().env(env).start().close());
        return failed.getMessage();
    }
}
