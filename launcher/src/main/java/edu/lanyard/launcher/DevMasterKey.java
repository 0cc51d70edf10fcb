package edu.lanyard.launcher;

import edu.lanyard.core.crypto.MasterKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The master key {@code lanyard dev} seals the signing keys with when none is configured: made on the first run in
 * {@code ./data/master-key}, readable by its owner only, and kept, because the keys in the dev database stay sealed
 * under it. Encrypted with a key on the same disk is not much protection; the point is that dev runs the code path
 * production runs, with no setup and no "unencrypted" mode to leave on by mistake.
 */
final class DevMasterKey {
    static final Path FILE = Path.of("data", "master-key");

    private DevMasterKey() {
    }

    /** Makes {@code file} with a new random key unless it exists. */
    static void ensure(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary;
            try {
                temporary = Files.createTempFile(dir, ".master-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                temporary = Files.createTempFile(dir, ".master-key", ".tmp");
            }
            Files.writeString(temporary, MasterKeys.newEncodedKey() + "\n", StandardCharsets.US_ASCII);
            try {
                // Not REPLACE_EXISTING: two dev servers starting at once keep the first key, never swap it.
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dev master key to " + file + ": " + e.getMessage(), e);
        }
    }
}
