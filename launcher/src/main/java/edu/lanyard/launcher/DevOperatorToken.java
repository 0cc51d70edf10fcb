package edu.lanyard.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The operator token {@code lanyard dev} makes when no admin credentials are configured: random for each start,
 * only its SHA-256 configured as {@code admin.tokenHash}, the token itself kept in {@code ./data/admin-token},
 * readable by its owner only, where {@code lanyard admin} finds it when it talks to a server on this machine.
 */
final class DevOperatorToken {
    static final Path FILE = Path.of("data", "admin-token");
    private static final SecureRandom RANDOM = new SecureRandom();

    private DevOperatorToken() {
    }

    /** A new random token (256 bits, base64url), written to {@code file} with owner-only permissions. */
    static String create(Path file) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        write(file, token);
        return token;
    }

    /** The token in {@code file}, if there is one. */
    static Optional<String> read(Path file) {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes {@code file} at the end of the run, unless another run has replaced the token in it since. */
    static void deleteIfStill(Path file, String token) {
        if (read(file).filter(token::equals).isPresent()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("lanyard: could not remove " + file + ": " + e.getMessage());
            }
        }
    }

    // The file is created with its final permissions and then moved into place, so the token is never readable by
    // others, not even for a moment.
    private static void write(Path file, String token) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary;
            try {
                temporary = Files.createTempFile(dir, ".admin-token", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                temporary = Files.createTempFile(dir, ".admin-token", ".tmp");
            }
            Files.writeString(temporary, token + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dev operator token to " + file + ": " + e.getMessage(), e);
        }
    }
}
