package edu.lanyard.launcher;

import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What {@code lanyard import} and {@code lanyard dev --import} say about a file they cannot import: the file's
 * problems one line each, or why it cannot be read; an {@link IllegalArgumentException}, which {@code lanyard}
 * prints as one message without a stack trace. Nothing reaches the database: the file is refused first.
 */
class ImportCommandTest {
    private final LanyardConfig config = ConfigLoader.load(null, Map.of());

    @Test
    void aFileWithProblemsIsExplainedOneLineEach(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("users.yaml"), """
                users:
                  - username: alice
                    password: alice-pass
                    emial: alice@example.edu
                  - username: bob
                    pasword: bob-pass
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lanyard.importExplained(config, file));
        assertEquals("cannot import " + file + ", nothing was written: 2 problems:\n"
                + "  users[0].emial: unknown key, did you mean \"email\"?\n"
                + "  users[1].pasword: unknown key, did you mean \"password\"?", e.getMessage());
    }

    @Test
    void aSingleProblemIsOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("clients.yaml"), "clients:\n  - client_id: app\n"
                + "    client_secret: s\n    access_token_ttl: an hour\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lanyard.importExplained(config, file));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals("cannot import " + file + ", nothing was written: clients[0].access_token_ttl: must be a whole number",
                e.getMessage());
    }

    @Test
    void aMissingFileIsSaidSo(@TempDir Path dir) {
        Path file = dir.resolve("absent.yaml");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lanyard.importExplained(config, file));
        assertEquals("cannot import " + file + ": no such file", e.getMessage());
    }
}
