package edu.lanyard.perf.gatling;

import io.gatling.javaapi.core.Simulation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load suite stays runnable without running any load: the simulations compile (this test is compiled with them),
 * perf/gatling.sh lists exactly the simulation classes there are, and the settings it passes are read as the script
 * documents them.
 */
class GatlingSuiteTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final List<String> SCRIPTS = List.of("gatling.sh", "lib.sh", "compare.sh", "scale.sh", "bare.sh");
    private static final Pattern LISTED = Pattern.compile("^  (\\w+)\\s{2,}\\S", Pattern.MULTILINE);

    @Test
    void gatlingShListsEverySimulationClassAndNothingElse() throws Exception {
        Set<String> classes = simulationClasses();
        assertTrue(classes.contains("FirstMorningOfTerm") && classes.size() >= 13, () -> "found only " + classes);
        assertEquals(classes, listedByScript("--list"), "perf/gatling.sh --list against the simulation classes");
        assertEquals(classes, listedByScript(), "perf/gatling.sh without arguments lists them too");
    }

    /** Gatling makes each simulation itself (it refuses to be instantiated outside a run): public, no arguments. */
    @Test
    void everySimulationIsOneGatlingCanInstantiate() throws Exception {
        for (String name : simulationClasses()) {
            Class<?> type = Class.forName(getClass().getPackageName() + "." + name);
            assertTrue(Modifier.isPublic(type.getModifiers()), name + " must be public");
            assertTrue(Modifier.isPublic(type.getConstructor().getModifiers()), name + " needs a public constructor");
        }
    }

    @Test
    void productParametersKeepTheirOrderAndTheLoginFormActionIsUnescaped() {
        assertEquals(List.of("grant_type", "code", "redirect_uri"),
                List.copyOf(Dialect.params("grant_type", "authorization_code", "code", "#{code}",
                        "redirect_uri", "http://127.0.0.1:9999/cb").keySet()));
        assertEquals("/oauth2/login?a=1&b=2", Flows.unescape("/oauth2/login?a=1&amp;b=2"));
    }

    /** The load scripts are shellcheck-clean, where shellcheck is installed (skipped, not passed, where it is not). */
    @Test
    void loadScriptsAreShellcheckClean() throws IOException, InterruptedException {
        Process probe;
        try {
            probe = new ProcessBuilder("shellcheck", "--version").redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            Assumptions.assumeTrue(false, "shellcheck is not installed");
            return;
        }
        probe.getInputStream().readAllBytes();
        Assumptions.assumeTrue(probe.waitFor() == 0, "shellcheck does not run");
        List<String> command = new ArrayList<>(List.of("shellcheck", "-x"));
        SCRIPTS.forEach(script -> command.add("perf/" + script));
        Process check = new ProcessBuilder(command).directory(MODULE.getParent().toFile()).redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(60, TimeUnit.SECONDS), "shellcheck did not end");
        assertEquals(0, check.exitValue(), output);
    }

    @Test
    void baseUrlMayNameSeveralNodes() {
        LoadSettings settings = new LoadSettings(List.of("http://127.0.0.1:8081", "http://127.0.0.1:8082"),
                java.time.Duration.ofSeconds(10), 4, 100, 1, 5000);
        assertEquals(2, settings.baseUrls().size());
        assertThrows(IllegalArgumentException.class, () -> new LoadSettings(List.of("127.0.0.1:8081"),
                java.time.Duration.ofSeconds(10), 4, 100, 1, 5000), "a URL without scheme");
        assertThrows(IllegalArgumentException.class, () -> new LoadSettings(List.of("http://127.0.0.1:8081"),
                java.time.Duration.ofSeconds(10), 0, 100, 1, 5000), "no users");
    }

    @Test
    void studentsComeInTurnAndWrapAround() {
        var students = Flows.students(3);
        List<Object> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            names.add(students.next().get("username"));
        }
        assertEquals(List.of("student1", "student2", "student3", "student1"), names);
    }

    /** The concrete subclasses of Gatling's Simulation among the compiled test classes of this package. */
    private Set<String> simulationClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(getClass().getResource(getClass().getSimpleName() + ".class").toURI()).getParent();
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(".class") || fileName.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(getClass().getPackageName() + "." + fileName.replace(".class", ""));
                if (Simulation.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                    names.add(type.getSimpleName());
                }
            }
        }
        assertFalse(names.isEmpty(), "no simulation classes in " + dir);
        return names;
    }

    private static Set<String> listedByScript(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", MODULE.resolve("gatling.sh").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "gatling.sh --list did not end");
        assertEquals(0, process.exitValue(), output);
        Set<String> listed = new TreeSet<>();
        Matcher matcher = LISTED.matcher(output);
        while (matcher.find()) {
            listed.add(matcher.group(1));
        }
        return listed;
    }
}
