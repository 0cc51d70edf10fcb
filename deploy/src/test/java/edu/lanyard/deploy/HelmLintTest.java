package edu.lanyard.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelmLintTest {

    @Test
    void chartPassesStrictLint() {
        LintResult result = new Helm(RenderedChart.CHART).lint().strict().call();

        assertFalse(result.isFailed(), () -> "helm lint --strict: " + result.getMessages());
    }

    /** The lint check above can fail: the same chart without a version does. */
    @Test
    void lintRejectsABrokenCopyOfTheChart(@TempDir Path copy) throws IOException {
        copyTree(RenderedChart.CHART, copy);
        Path chartYaml = copy.resolve("Chart.yaml");
        Files.writeString(chartYaml, Files.readString(chartYaml).replaceAll("(?m)^version:.*$", ""));

        LintResult result = new Helm(copy).lint().strict().call();

        assertTrue(result.isFailed(), () -> "expected a lint failure, got " + result.getMessages());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
