package edu.lanyard.devkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Postgres cluster of a test's own: {@code initdb} into a temporary directory, started with {@code pg_ctl} on a
 * free loopback port with trust authentication and, if asked, TLS; stopped and deleted on {@link #close()}. For tests
 * that need server settings the machine's shared Postgres must not change (ssl = on), without touching that server.
 * Uses the binaries of the newest {@code /usr/lib/postgresql/N/bin}; as root it runs them as the {@code postgres}
 * user, since Postgres refuses to run as root.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    private static final Path INSTALLS = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path dataDir;
    private final Path root;
    private final int port;

    private ThrowawayPostgres(Path bin, Path root, Path dataDir, int port) {
        this.bin = bin;
        this.root = root;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** The server's certificate chain and key, PEM, for {@code ssl = on}. */
    public record Tls(Path certificate, Path key) {
    }

    /** The binaries to use, if this machine has them. */
    public static Optional<Path> binaries() {
        if (!Files.isDirectory(INSTALLS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> versionOf(bin.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Why {@link #start} cannot work here, or empty if it can. */
    public static Optional<String> unavailable() {
        if (binaries().isEmpty()) {
            return Optional.of("no initdb/pg_ctl under " + INSTALLS);
        }
        if (isRoot() && !Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
            return Optional.of("running as root without runuser to start Postgres as the postgres user");
        }
        return Optional.empty();
    }

    /** initdb and start; {@code tls} null for a server without TLS. Blocks until it accepts connections. */
    public static ThrowawayPostgres start(int port, Tls tls) {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(unavailable().orElse("no Postgres")));
        try {
            Path root = Files.createTempDirectory("lanyard-throwaway-pg");
            Path dataDir = root.resolve("data");
            ThrowawayPostgres server = new ThrowawayPostgres(bin, root, dataDir, port);
            try {
                server.initAndStart(tls);
                return server;
            } catch (RuntimeException | IOException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a throwaway Postgres: " + e.getMessage(), e);
        }
    }

    private void initAndStart(Tls tls) throws IOException {
        List<String> settings = new ArrayList<>(List.of(
                "port = " + port,
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + root + "'",
                "fsync = off",
                "shared_buffers = 16MB",
                "max_connections = 60"));
        if (tls != null) {
            Path certificate = Files.copy(tls.certificate(), root.resolve("server.crt"));
            Path key = Files.copy(tls.key(), root.resolve("server.key"));
            Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            settings.addAll(List.of("ssl = on", "ssl_cert_file = '" + certificate + "'",
                    "ssl_key_file = '" + key + "'"));
        }
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", root.toString()), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-instructions"), true);
        Files.writeString(dataDir.resolve("postgresql.conf"), "\n" + String.join("\n", settings) + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l",
                root.resolve("server.log").toString(), "-w", "-t", "60", "start"), true);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** What the server logged, for a test's failure message. */
    public String log() {
        try {
            return Files.readString(root.resolve("server.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w",
                        "stop"), true);
            }
        } finally {
            Directories.deleteRecursively(root);
        }
    }

    private static void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres && isRoot()) {
            full.addAll(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int versionOf(Path install) {
        try {
            return Integer.parseInt(install.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
