package edu.lanyard.launcher.dialect;

import edu.lanyard.devkit.TestInfrastructure;
import edu.lanyard.launcher.LanyardTestServer;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** One Lanyard node per test JVM with every dialect mounted at its default prefix and dialect-clients.yaml imported. */
final class DialectServer {
    private static LanyardTestServer shared;

    private DialectServer() {
    }

    static synchronized LanyardTestServer shared() {
        if (shared == null) {
            shared = LanyardTestServer.start(Map.of(), importFile());
            TestInfrastructure.shared().closeAtExit(shared);
        }
        return shared;
    }

    static String base() {
        return shared().baseUrl();
    }

    static Path importFile() {
        try (InputStream in = DialectServer.class.getResourceAsStream("/dialect-clients.yaml")) {
            Path file = Files.createTempFile("dialect-clients", ".yaml");
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        } catch (Exception e) {
            throw new IllegalStateException("missing dialect-clients.yaml", e);
        }
    }
}
