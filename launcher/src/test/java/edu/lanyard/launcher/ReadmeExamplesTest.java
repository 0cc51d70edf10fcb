package edu.lanyard.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The front door: README's curl walkthrough, run exactly as written by bash against a server with README's demo
 * import, so the documented examples can never drift from what the server does.
 */
class ReadmeExamplesTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static LanyardTestServer server;

    @BeforeAll
    static void startWithTheDemoImport() {
        server = LanyardTestServer.builder().importing(REPOSITORY.resolve("examples/demo.yaml")).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void curlWalkthroughRunsAsWritten() throws Exception {
        String script = ReadmeBlocks.bashBlockAfter(readme(), "## Trying it with curl");
        Result result = runBash(script, server.baseUrl());
        assertEquals(0, result.exitCode(), "README's curl walkthrough failed:\n" + result.output());
        String output = result.output();
        assertTrue(output.contains("\"active\":true"), "introspection before revocation\n" + output);
        assertTrue(output.contains("{\"active\":false}"), "introspection after revocation\n" + output);
        assertTrue(output.contains("http://127.0.0.1:9999/cb?code="), "the code redirect\n" + output);
        assertTrue(output.contains("\"id_token\""), "the code exchange returned an id_token\n" + output);
        assertTrue(output.contains("http://127.0.0.1:9999/cb#access_token="), "the implicit redirect\n" + output);
        assertTrue(output.contains("\"jwks_uri\""), "discovery\n" + output);
    }

    @Test
    void readmePointsNowhereOutsideTheRepository() throws IOException {
        String readme = readme();
        assertTrue(!readme.contains("../"), "README links outside the repository");
        for (String link : ReadmeBlocks.relativeLinks(readme)) {
            assertTrue(Files.exists(REPOSITORY.resolve(link)), "README links to a missing file: " + link);
        }
    }

    private static String readme() throws IOException {
        return Files.readString(REPOSITORY.resolve("README.md"));
    }

    private record Result(int exitCode, String output) {
    }

    private static Result runBash(String script, String baseUrl) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        builder.environment().put("B", baseUrl);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
