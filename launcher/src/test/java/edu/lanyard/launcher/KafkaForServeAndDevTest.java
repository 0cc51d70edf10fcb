package edu.lanyard.launcher;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.crypto.MasterKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which Kafka a node uses: {@code serve} (production) only a real cluster, never the embedded broker; {@code dev} the
 * dev runtime's broker unless a cluster is configured, and a clear refusal when the dev runtime is not there.
 */
class KafkaForServeAndDevTest {
    private static final String REFUSAL = "serve needs a real Kafka cluster: set kafka.bootstrapServers /"
            + " LANYARD_KAFKA_BOOTSTRAP_SERVERS; the embedded broker is for `lanyard dev` only";

    @Test
    void serveRefusesTheEmbeddedBroker() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Lanyard.serveConfig(
                serve("all"), Map.of("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "embedded")));
        assertEquals(REFUSAL, refused.getMessage());
    }

    @Test
    void serveRefusesTheEmbeddedBrokerNamedInAConfigFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("lanyard.yaml"), "kafka:\n  bootstrapServers: embedded\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Lanyard.serveConfig(
                serve("token", "--config", file.toString()), Map.of()));
        assertEquals(REFUSAL, refused.getMessage());
    }

    @Test
    void serveRefusesToStartWithoutAConfiguredCluster() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Lanyard.serveConfig(serve("projection"), Map.of()));
        assertEquals(REFUSAL, refused.getMessage());
    }

    @Test
    void serveTakesTheConfiguredCluster() {
        LanyardConfig config = Lanyard.serveConfig(serve("all"),
                Map.of("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "b1.kafka.test:9092,b2.kafka.test:9092",
                        "LANYARD_KEYS_MASTER_KEY", MasterKeys.newEncodedKey()));
        assertEquals("b1.kafka.test:9092,b2.kafka.test:9092", config.kafka().bootstrapServers());
    }

    /** Production never writes a private signing key in clear, nor makes up a master key the other nodes lack. */
    @Test
    void serveRefusesToStartWithoutAMasterKey() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Lanyard.serveConfig(
                serve("all"), Map.of("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "b1.kafka.test:9092")));
        assertEquals(Lanyard.NEEDS_MASTER_KEY, refused.getMessage());
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class, () -> Lanyard.serveConfig(
                serve("all"), Map.of("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "b1.kafka.test:9092",
                        "LANYARD_KEYS_MASTER_KEY", "c2hvcnQ=")));
        assertTrue(malformed.getMessage().startsWith("keys.masterKey must be 32 bytes"), malformed.getMessage());
    }

    /** dev makes its master key once, owner-only, and keeps it: the dev database's keys stay sealed under it. */
    @Test
    void devMakesAMasterKeyOnceAndKeepsIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("data").resolve("master-key");
        Map<String, String> env = new HashMap<>();
        assertTrue(Lanyard.provisionDevMasterKey(Lanyard.devConfig(null, env), env, keyFile));
        String key = Files.readString(keyFile);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keyFile)));
        assertEquals(keyFile.toAbsolutePath().toString(), env.get("LANYARD_KEYS_MASTER_KEY_FILE"));
        MasterKeys first = MasterKeys.fromConfig(Lanyard.devConfig(null, env).keys()).orElseThrow();

        Map<String, String> again = new HashMap<>();
        assertTrue(Lanyard.provisionDevMasterKey(Lanyard.devConfig(null, again), again, keyFile));
        assertEquals(key, Files.readString(keyFile), "the second run keeps the key");
        assertEquals(first.currentId(), MasterKeys.fromConfig(Lanyard.devConfig(null, again).keys())
                .orElseThrow().currentId());

        Map<String, String> configured = new HashMap<>(Map.of("LANYARD_KEYS_MASTER_KEY", MasterKeys.newEncodedKey()));
        Path unused = dir.resolve("other").resolve("master-key");
        assertFalse(Lanyard.provisionDevMasterKey(Lanyard.devConfig(null, configured), configured, unused));
        assertFalse(Files.exists(unused), "a configured key is used as it is");
    }

    @Test
    void devRunsTheEmbeddedBrokerWhenNoClusterIsConfigured() {
        Map<String, String> env = new HashMap<>();
        LanyardConfig config = Lanyard.devConfig(null, env);
        assertTrue(config.kafka().embedded());
        assertEquals("embedded", env.get("LANYARD_KAFKA_BOOTSTRAP_SERVERS"), "kept for dev's later reloads");
    }

    @Test
    void devTakesAClusterFromTheEnvironmentOrAConfigFile(@TempDir Path dir) throws IOException {
        Map<String, String> env = new HashMap<>(Map.of("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"));
        assertEquals("127.0.0.1:19092", Lanyard.devConfig(null, env).kafka().bootstrapServers());

        Path file = Files.writeString(dir.resolve("lanyard.yaml"), "kafka:\n  bootstrapServers: 127.0.0.1:29092\n");
        assertEquals("127.0.0.1:29092", Lanyard.devConfig(file, new HashMap<>()).kafka().bootstrapServers());
    }

    @Test
    void devFindsTheDevRuntimeOnTheClassPath() {
        // launcher's tests have it through devkit; lanyard.jar does not (PackagedJarsCheck runs that jar)
        assertEquals("edu.lanyard.devruntime.EmbeddedDevInfrastructure", DevRuntime.require().getClass().getName());
    }

    @Test
    void devWithoutTheDevRuntimeSaysWhatIsMissingAndWhereToGetIt() throws IOException {
        try (URLClassLoader withoutDevRuntime = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            IllegalStateException missing = assertThrows(IllegalStateException.class,
                    () -> DevRuntime.require(withoutDevRuntime));
            assertEquals(DevRuntime.MISSING, missing.getMessage());
        }
        assertContains(DevRuntime.MISSING, "./lanyard dev");
        assertContains(DevRuntime.MISSING, "dev-runtime/target/lanyard-dev.jar");
        assertContains(DevRuntime.MISSING, "LANYARD_KAFKA_BOOTSTRAP_SERVERS");
    }

    private static CommandLine serve(String... arguments) {
        String[] args = new String[arguments.length + 1];
        args[0] = "serve";
        System.arraycopy(arguments, 0, args, 1, arguments.length);
        return CommandLine.parse(args);
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "'" + part + "' missing from: " + text);
    }
}
