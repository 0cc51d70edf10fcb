package edu.lanyard.launcher;

import edu.lanyard.devkit.FreePorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The jars as built, checked by {@code ./mvnw verify} after the shade (the {@code packaged-jars} Surefire execution of
 * this module's pom; the name keeps it out of the {@code test} phase, when no jar exists yet): {@code lanyard.jar}, the
 * production artifact, carries no test infrastructure and no Kafka broker and refuses to pretend otherwise;
 * {@code lanyard-dev.jar} adds the broker, nothing that {@code lanyard.jar} already has, and with {@code lanyard.jar}
 * beside it really starts one.
 */
class PackagedJarsCheck {
    private static final Path LANYARD_JAR = LanyardProcess.JAR;
    private static final Path DEV_JAR = Path.of(System.getProperty("lanyard.devJar",
            "../dev-runtime/target/lanyard-dev.jar"));
    private static final String DEV_SERVICE = "META-INF/services/edu.lanyard.devruntime.api.DevInfrastructure";

    /** Test infrastructure, Scala, and the broker side of Kafka; kafka-clients' own packages are fine. */
    private static final List<String> NOT_FOR_PRODUCTION = List.of(
            "org/testcontainers/", "com/github/dockerjava/", "org/junit/", "org/openqa/selenium/",
            "edu/lanyard/devkit/", "scala/", "org/apache/kafka/raft/", "org/apache/kafka/controller/",
            "org/apache/kafka/metadata/", "org/apache/kafka/image/", "org/apache/kafka/storage/",
            "org/apache/kafka/coordinator/", "org/apache/kafka/snapshot/", DEV_SERVICE);

    static boolean notForProduction(String entry) {
        if (entry.endsWith("/")) {
            return false;   // a directory entry holds nothing (edu/lanyard/devruntime/ is the parent of api/)
        }
        return NOT_FOR_PRODUCTION.stream().anyMatch(entry::startsWith)
                // the Scala broker (kafka.server.KafkaRaftServer, ...); kafka-clients only has kafka/*.properties
                || entry.startsWith("kafka/") && entry.endsWith(".class")
                || entry.startsWith("edu/lanyard/devruntime/") && !entry.startsWith("edu/lanyard/devruntime/api/");
    }

    @Test
    void productionJarHoldsNoTestInfrastructureAndNoBroker() {
        List<String> entries = entries(LANYARD_JAR);
        assertTrue(entries.contains("edu/lanyard/launcher/Lanyard.class"), "not Lanyard's jar: " + LANYARD_JAR);
        assertTrue(entries.contains("edu/lanyard/devruntime/api/DevInfrastructure.class"), "the seam to the dev runtime");
        List<String> offending = entries.stream().filter(PackagedJarsCheck::notForProduction).toList();
        assertTrue(offending.isEmpty(), offending.size() + " entries of lanyard.jar are test or dev infrastructure,"
                + " e.g. " + offending.subList(0, Math.min(20, offending.size())));
    }

    /** The native crypto provider with its library, found by name at start (NativeCrypto). */
    @Test
    void productionJarCarriesTheNativeCryptoProvider() {
        List<String> entries = entries(LANYARD_JAR);
        String provider = edu.lanyard.core.crypto.NativeCrypto.CORRETTO.replace('.', '/');
        assertTrue(entries.contains(provider + ".class"), "no " + provider + " in lanyard.jar");
        assertTrue(entries.contains("com/amazon/corretto/crypto/provider/libamazonCorrettoCryptoProvider.so"),
                "the provider's native library");
    }

    @Test
    void productionJarRefusesToRunDevWithoutTheDevRuntime(@TempDir Path workDir) throws Exception {
        Run dev = runLanyardJar(workDir, Map.of(), "dev");
        assertEquals(1, dev.exitCode(), dev.output());
        assertTrue(dev.output().contains("lanyard: " + DevRuntime.MISSING), dev.output());
        try (var written = Files.list(workDir)) {
            assertEquals(List.of(), written.toList(), "refused before writing anything (operator token, Kafka data)");
        }
    }

    @Test
    void productionJarRefusesToServeWithoutARealKafkaCluster(@TempDir Path workDir) throws Exception {
        for (Map<String, String> env : List.of(Map.<String, String>of(),
                Map.of("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "embedded"))) {
            Run serve = runLanyardJar(workDir, env, "serve", "all");
            assertEquals(1, serve.exitCode(), serve.output());
            assertTrue(serve.output().contains("lanyard: " + Lanyard.SERVE_NEEDS_KAFKA), env + ": " + serve.output());
        }
    }

    @Test
    void devJarAddsTheBrokerAndNothingThatLanyardJarHas() throws IOException {
        assumeTrue(Files.exists(DEV_JAR), "no " + DEV_JAR + ": build the dev-runtime module first");
        List<String> entries = entries(DEV_JAR);
        for (String expected : List.of("kafka/server/KafkaRaftServer.class", "scala/Option.class",
                "edu/lanyard/devruntime/EmbeddedDevInfrastructure.class", DEV_SERVICE)) {
            assertTrue(entries.contains(expected), "lanyard-dev.jar lacks " + expected);
            assertTrue(notForProduction(expected), "the production check must catch " + expected);
        }
        assertFalse(entries.stream().anyMatch(e -> e.startsWith("org/testcontainers/")
                || e.startsWith("edu/lanyard/devkit/") || e.startsWith("org/junit/")), "test infrastructure in it");

        Set<String> twice = classes(entries);
        twice.retainAll(classes(entries(LANYARD_JAR)));
        assertTrue(twice.isEmpty(), twice.size() + " classes are in both jars (exclude their artifact from"
                + " dev-runtime's shade), e.g. " + twice.stream().sorted().limit(20).toList());
    }

    @Test
    void devJarRunsLanyardWithLanyardJarBesideIt() throws IOException {
        assumeTrue(Files.exists(DEV_JAR), "no " + DEV_JAR + ": build the dev-runtime module first");
        Attributes dev = manifest(DEV_JAR);
        Attributes production = manifest(LANYARD_JAR);
        assertEquals("edu.lanyard.launcher.Lanyard", dev.getValue(Attributes.Name.MAIN_CLASS));
        String classPath = dev.getValue(Attributes.Name.CLASS_PATH);
        assertEquals(LANYARD_JAR.toRealPath(), DEV_JAR.toRealPath().getParent().resolve(classPath).toRealPath(),
                "lanyard-dev.jar's Class-Path must name this lanyard.jar");
        // only the manifest of the jar given to `java -jar` counts: the dev jar must ask for the same JDK access
        for (String attribute : List.of("Add-Opens", "Add-Exports", "Multi-Release")) {
            assertEquals(production.getValue(attribute), dev.getValue(attribute), attribute);
        }
        assertEquals(null, production.getValue(Attributes.Name.CLASS_PATH), "lanyard.jar stands alone");
    }

    @Test
    void devJarStartsTheBrokerFromTheJarsAlone(@TempDir Path dataDir) throws Exception {
        assumeTrue(Files.exists(DEV_JAR), "no " + DEV_JAR + ": build the dev-runtime module first");
        // as `java -jar lanyard-dev.jar dev` does: Lanyard (main) sets it; the broker's log4j API has no backend
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        // Only the dev jar is named; lanyard.jar comes in through its Class-Path. Nothing of this test's own class
        // path is visible (the parent is the platform loader), so a class missing from both jars fails here.
        try (URLClassLoader jars = new URLClassLoader(new URL[]{DEV_JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> api = Class.forName("edu.lanyard.devruntime.api.DevInfrastructure", true, jars);
            Class<?> brokerApi = Class.forName("edu.lanyard.devruntime.api.DevInfrastructure$EmbeddedBroker", true, jars);
            Object runtime = ServiceLoader.load(api, jars).findFirst().orElseThrow(() ->
                    new AssertionError("no DevInfrastructure service in lanyard-dev.jar"));
            Object broker = withContextLoader(jars, () ->
                    api.getMethod("startKafka", Path.class, int.class).invoke(runtime, dataDir, 0));
            try {
                String bootstrap = (String) brokerApi.getMethod("bootstrapServers").invoke(broker);
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                    assertEquals(1, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
                }
            } finally {
                withContextLoader(jars, () -> brokerApi.getMethod("close").invoke(broker));
            }
        }
    }

    /**
     * Kafka loads its plug-ins through the context class loader, which under {@code java -jar} is the jars' own
     * loader; here it must be set to them for the broker's calls (and back for this test's own Kafka client).
     */
    private static Object withContextLoader(ClassLoader loader, Callable<Object> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private record Run(int exitCode, String output) {
    }

    /**
     * {@code java -jar lanyard.jar ARGS} in {@code workDir}, without the LANYARD_* settings of this machine. Should a
     * regression let it get past its refusal, it stops at once at a Postgres port where nothing listens instead of
     * touching this machine's database or joining a Hazelcast cluster.
     */
    private static Run runLanyardJar(Path workDir, Map<String, String> env, String... args) throws Exception {
        List<String> command = LanyardProcess.command(List.of("-Xmx256m"), args);
        Path output = Files.createTempFile("lanyard-jar-check", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("LANYARD_"));
            builder.environment().put("LANYARD_POSTGRES_PORT", String.valueOf(FreePorts.pick()));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("lanyard.jar " + String.join(" ", args) + " did not exit:\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static List<String> entries(Path jar) {
        assertTrue(Files.isRegularFile(jar), jar + " is missing: it is built in the package phase");
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> classes(List<String> entries) {
        Set<String> classes = new HashSet<>();
        entries.stream().filter(e -> e.endsWith(".class") && !e.endsWith("module-info.class")).forEach(classes::add);
        return classes;
    }

    private static Attributes manifest(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            assertTrue(manifest != null, jar + " has no manifest");
            return manifest.getMainAttributes();
        }
    }
}
