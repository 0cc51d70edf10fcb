package edu.lanyard.launcher.browser;

import edu.lanyard.devkit.TestInfrastructure;
import edu.lanyard.launcher.LanyardTestServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** One Lanyard node per test JVM with {@code browser-clients.yaml} imported, shared by the browser sign-in tests. */
final class SignInServer {
    private static LanyardTestServer shared;

    private SignInServer() {
    }

    static synchronized LanyardTestServer shared() {
        if (shared == null) {
            shared = LanyardTestServer.start(Map.of(), importFile());
            TestInfrastructure.shared().closeAtExit(shared);
        }
        return shared;
    }

    static Path importFile() {
        try (InputStream in = SignInServer.class.getResourceAsStream("/browser-clients.yaml")) {
            Path file = Files.createTempFile("browser-clients", ".yaml");
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
