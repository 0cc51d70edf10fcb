package edu.lanyard.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the container's pod-addresses start script from the rendered Deployment with /bin/sh, name resolution against
 * this machine's {@code localhost} standing in for the headless Service, and a stand-in {@code java} that reports
 * what it was started with.
 */
class MemberDiscoveryScriptTest {
    private static String script;

    @TempDir
    Path bin;

    @BeforeAll
    static void render() {
        List<String> command = RenderedChart.strings(
                RenderedChart.container(RenderedChart.withDefaults().deployment("token")).path("command"));
        assertEquals("/bin/sh", command.get(0));
        script = command.get(2);
    }

    @Test
    void passesEveryResolvedMemberAndItselfToJava() throws Exception {
        Started started = run("10.9.8.7", 0);

        assertEquals(Set.of("10.9.8.7:5701", "127.0.0.1:5701"), Set.of(started.members().split(",")));
        assertEquals("-jar /app/lanyard.jar serve token --config /etc/lanyard/lanyard.yaml", started.arguments());
    }

    @Test
    void startsAloneWhenNoOtherMemberAppearsInTime() throws Exception {
        Started started = run("127.0.0.1", 1);

        assertEquals("127.0.0.1:5701", started.members());
    }

    record Started(String members, String arguments) {
    }

    private Started run(String podIp, int waitSeconds) throws IOException, InterruptedException {
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$LANYARD_HAZELCAST_MEMBERS|$*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(false);
        Map<String, String> environment = builder.environment();
        environment.put("PATH", bin + ":" + System.getenv("PATH"));
        environment.put("POD_IP", podIp);
        environment.put("HAZELCAST_SERVICE_DNS", "localhost");
        environment.put("HAZELCAST_DISCOVERY_WAIT_SECONDS", Integer.toString(waitSeconds));
        environment.put("LANYARD_HAZELCAST_PORT", "5701");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the start script did not exec java");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), err);
        assertTrue(err.contains("lanyard: hazelcast members "), err);
        int bar = out.indexOf('|');
        assertTrue(bar > 0, "java saw: " + out + " / " + err);
        return new Started(out.substring(0, bar), out.substring(bar + 1));
    }
}
