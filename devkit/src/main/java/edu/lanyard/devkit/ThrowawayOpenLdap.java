package edu.lanyard.devkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenLDAP server of a test's own: Debian's {@code slapd} with an old-style {@code slapd.conf} in a temporary
 * directory (core, cosine, inetOrgPerson and nis schemas, an MDB database, the memberOf overlay), on a free loopback
 * port; entries are added with {@code ldapadd}, as an administrator would. Stopped and deleted on {@link #close()}.
 * The in-memory UnboundID server proves the logic; this proves it against the directory most campuses run.
 */
public final class ThrowawayOpenLdap implements AutoCloseable {
    private static final Path SLAPD = Path.of("/usr/sbin/slapd");
    private static final Path LDAPADD = Path.of("/usr/bin/ldapadd");
    private static final Path SCHEMAS = Path.of("/etc/ldap/schema");

    private final Path root;
    private final int port;
    private final String suffix;
    private final String rootDn;
    private final String rootPassword;
    private Process slapd;

    private ThrowawayOpenLdap(Path root, int port, String suffix, String rootPassword) {
        this.root = root;
        this.port = port;
        this.suffix = suffix;
        this.rootDn = "cn=admin," + suffix;
        this.rootPassword = rootPassword;
    }

    /** Why {@link #start} cannot work here (no slapd, no ldapadd), or empty if it can. */
    public static Optional<String> unavailable() {
        for (Path binary : List.of(SLAPD, LDAPADD)) {
            if (!Files.isExecutable(binary)) {
                return Optional.of("no " + binary + " (Debian packages slapd and ldap-utils)");
            }
        }
        if (!Files.isRegularFile(SCHEMAS.resolve("inetorgperson.schema"))) {
            return Optional.of("no OpenLDAP schemas under " + SCHEMAS);
        }
        return Optional.empty();
    }

    /** Starts slapd for {@code suffix} (e.g. {@code dc=campus,dc=edu}); blocks until it accepts connections. */
    public static ThrowawayOpenLdap start(int port, String suffix, String rootPassword) {
        try {
            ThrowawayOpenLdap server = new ThrowawayOpenLdap(Files.createTempDirectory("lanyard-openldap"), port,
                    suffix, rootPassword);
            try {
                server.configureAndStart();
                return server;
            } catch (RuntimeException | IOException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a throwaway OpenLDAP: " + e.getMessage(), e);
        }
    }

    private void configureAndStart() throws IOException {
        Path db = Files.createDirectories(root.resolve("db"));
        List<String> config = new ArrayList<>();
        for (String schema : List.of("core", "cosine", "inetorgperson", "nis")) {
            config.add("include " + SCHEMAS.resolve(schema + ".schema"));
        }
        config.addAll(List.of(
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "moduleload memberof",
                "pidfile " + root.resolve("slapd.pid"),
                "database mdb",
                "maxsize 104857600",
                "suffix \"" + suffix + "\"",
                "rootdn \"" + rootDn + "\"",
                "rootpw " + rootPassword,
                "directory " + db,
                "overlay memberof"));
        Path conf = root.resolve("slapd.conf");
        Files.writeString(conf, String.join("\n", config) + "\n", StandardCharsets.UTF_8);
        // -d 0 keeps slapd in the foreground, so it is this object's child and dies with close().
        slapd = new ProcessBuilder(SLAPD.toString(), "-f", conf.toString(), "-h", url(), "-d", "0")
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("slapd.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!accepts()) {
            if (!slapd.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("slapd did not start on port " + port + ": " + log());
            }
            sleep(100);
        }
    }

    private boolean accepts() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Adds entries with ldapadd as the root DN; {@code ldif} is LDIF text. */
    public void add(String ldif) {
        try {
            Path file = Files.writeString(Files.createTempFile(root, "entries", ".ldif"), ldif, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(LDAPADD.toString(), "-x", "-H", url(), "-D", rootDn, "-w",
                    rootPassword, "-f", file.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("ldapadd failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "ldap://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    public String rootDn() {
        return rootDn;
    }

    public String rootPassword() {
        return rootPassword;
    }

    /** Stops the server (as an outage would, abruptly) and keeps its files, for a test of a directory going away. */
    public void kill() {
        if (slapd != null) {
            slapd.destroyForcibly();
            try {
                slapd.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What slapd printed, for a test's failure message. */
    public String log() {
        try {
            return Files.readString(root.resolve("slapd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        kill();
        Directories.deleteRecursively(root);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
