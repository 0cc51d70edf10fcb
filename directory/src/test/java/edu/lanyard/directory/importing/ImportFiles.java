package edu.lanyard.directory.importing;

import edu.lanyard.core.config.LanyardConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Fixtures for import tests. */
final class ImportFiles {
    static final LanyardConfig.Tokens TOKEN_DEFAULTS = new LanyardConfig.Tokens(1800, 604800, 120, 3600, 90);

    private ImportFiles() {
    }

    static String sampleYaml() {
        try (InputStream in = ImportFiles.class.getResourceAsStream("/import-sample.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
