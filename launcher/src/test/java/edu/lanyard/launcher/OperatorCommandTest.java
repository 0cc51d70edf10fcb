package edu.lanyard.launcher;

import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.devkit.FreePorts;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code lanyard admin} tells apart a server it cannot reach, a server whose operator API is disabled, and refused
 * credentials; and {@code lanyard dev} enables the operator API with a token the CLI finds by itself.
 */
class OperatorCommandTest {
    private static Path work;
    private static Path devTokenFile;
    private static String devToken;
    /** Started as {@code dev} starts a server without admin credentials. */
    private static LanyardTestServer dev;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createTempDirectory("lanyard-operator");
        devTokenFile = work.resolve("data").resolve("admin-token");
        Map<String, String> env = new HashMap<>();
        LanyardConfig unconfigured = ConfigLoader.load(null, env);
        devToken = Lanyard.provisionDevOperatorToken(unconfigured, env, devTokenFile).orElseThrow();
        dev = LanyardTestServer.builder().env(env).start();
    }

    @AfterAll
    static void stop() throws Exception {
        dev.close();
        Files.deleteIfExists(devTokenFile);
        Files.deleteIfExists(devTokenFile.getParent());
        Files.deleteIfExists(work);
    }

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome admin(Map<String, String> env, Path tokenFile, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] line = new String[args.length + 1];
        line[0] = "admin";
        System.arraycopy(args, 0, line, 1, args.length);
        int exit = AdminCommand.run(CommandLine.parse(line), new AdminCommand.Terminal(env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                tokenFile));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void devWritesAnOwnerOnlyTokenAndConfiguresOnlyItsHash() throws Exception {
        assertEquals(Optional.of(devToken), DevOperatorToken.read(devTokenFile));
        assertTrue(devToken.matches("[A-Za-z0-9_-]{43}"), "256 random bits");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(devTokenFile)));
        assertFalse(dev.config().admin().tokenHash().contains(devToken));
        assertTrue(dev.config().admin().enabled());
    }

    @Test
    void theDevTokenWorksAgainstTheOperatorApiWithNoFlags() throws Exception {
        Outcome status = admin(Map.of(), devTokenFile, "status", "--url", dev.baseUrl());
        assertEquals(0, status.exit(), status.err());
        assertTrue(new JsonObject(status.out()).containsKey("projector"), status.out());
    }

    /** The dev token is read only for a server named by a loopback address, so it never leaves the machine. */
    @Test
    void theDevTokenIsOnlyForThisMachine() {
        for (String host : new String[]{"127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "[::1]", "::1"}) {
            assertTrue(AdminCommand.isLoopback(host), host);
        }
        for (String host : new String[]{"sso.example.edu", "localhost.example.edu", "127.0.0.1.example.edu",
                "10.0.0.5", "[::2]", "1127.0.0.1", "0.0.0.0", ""}) {
            assertFalse(AdminCommand.isLoopback(host), host);
        }
        assertFalse(AdminCommand.isLoopback(null));
    }

    @Test
    void configuredCredentialsAreLeftAlone() {
        Map<String, String> env = new HashMap<>(Map.of("LANYARD_ADMIN_TOKEN_HASH", "ab".repeat(32)));
        Path untouched = work.resolve("untouched-token");
        assertEquals(Optional.empty(), Lanyard.provisionDevOperatorToken(ConfigLoader.load(null, env), env, untouched));
        assertEquals("ab".repeat(32), env.get("LANYARD_ADMIN_TOKEN_HASH"));
        assertFalse(Files.exists(untouched));
    }

    @Test
    void aDisabledOperatorApiIsSaidSoWithHowToEnableIt() throws Exception {
        LanyardTestServer disabled = LanyardTestServer.shared();
        assertFalse(disabled.config().admin().enabled());
        for (String[] credentials : new String[][]{{"--token", "some-token"}, {}}) {
            String[] args = new String[3 + credentials.length];
            args[0] = "audit";
            args[1] = "--url";
            args[2] = disabled.baseUrl();
            System.arraycopy(credentials, 0, args, 3, credentials.length);
            Outcome outcome = admin(Map.of(), work.resolve("no-token-here"), args);
            assertEquals(1, outcome.exit());
            assertTrue(outcome.err().contains("the operator API is disabled on the server at " + disabled.baseUrl()),
                    outcome.err());
            assertTrue(outcome.err().contains("admin.tokenHash") && outcome.err().contains("admin.passwordHash")
                    && outcome.err().contains("lanyard admin new-token"), outcome.err());
            assertFalse(outcome.err().contains("refused"), outcome.err());
        }
        Http.Reply raw = Http.get(disabled.baseUrl() + "/admin/audit", null);
        assertEquals(404, raw.status());
        assertEquals("admin_disabled", raw.json().getString("error"));
    }

    @Test
    void anUnreachableServerIsSaidSo() throws Exception {
        String nobody = "http://127.0.0.1:" + FreePorts.pick();
        Outcome outcome = admin(Map.of(), devTokenFile, "status", "--url", nobody);
        assertEquals(1, outcome.exit());
        assertTrue(outcome.err().contains("cannot reach a server at " + nobody), outcome.err());
    }

    @Test
    void refusedCredentialsAreSaidSoNamingWhereTheyCameFrom() throws Exception {
        Outcome wrongOption = admin(Map.of(), devTokenFile, "status", "--url", dev.baseUrl(), "--token", "nope");
        assertEquals(1, wrongOption.exit());
        assertTrue(wrongOption.err().contains("refused the operator credentials from --token"), wrongOption.err());
        assertFalse(wrongOption.err().contains("nope"), "the secret is not repeated");

        Outcome wrongVariable = admin(Map.of("LANYARD_ADMIN_TOKEN", "nope"), devTokenFile, "status", "--url",
                dev.baseUrl());
        assertTrue(wrongVariable.err().contains("from LANYARD_ADMIN_TOKEN"), wrongVariable.err());

        Outcome none = admin(Map.of(), work.resolve("no-token-here"), "status", "--url", dev.baseUrl());
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("needs operator credentials"), none.err());
    }
}
