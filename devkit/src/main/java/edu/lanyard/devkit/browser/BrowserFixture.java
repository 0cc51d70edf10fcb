package edu.lanyard.devkit.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * A real headless Chromium (Debian's {@code /usr/bin/chromium} driven by {@code /usr/bin/chromedriver}) with a fresh
 * profile. Installs both through {@code install-chromium.sh} the first time it is needed; if they cannot be
 * installed here it skips the test with a loud message rather than failing it.
 *
 * <p>Selenium and JUnit are optional dependencies of devkit: a module using this declares {@code selenium-java}
 * (test scope) itself, so the launcher jar never carries them.
 */
public final class BrowserFixture implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Relative to the module under test (Surefire's working directory). */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String INSTALLER = "/lanyard-devkit/install-chromium.sh";

    private static Boolean installed;

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private BrowserFixture(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /**
     * @param acceptLanguages the browser's language preference, e.g. {@code "zh-CN,zh"}; sent as Accept-Language
     */
    public static BrowserFixture start(String acceptLanguages) throws IOException {
        ensureInstalled();
        Path profile = Files.createTempDirectory("lanyard-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,900",
                "--lang=" + acceptLanguages.split(",")[0],
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(System.err)
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new BrowserFixture(driver, service, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Emulates a media feature, e.g. {@code prefers-color-scheme: dark}, through chromedriver's CDP passthrough. */
    public void emulateMedia(String feature, String value) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", feature, "value", value))));
    }

    /** Makes the viewport phone-sized (CSS pixels) with a high-density screen. */
    public void emulatePhone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    public void resetEmulation() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    /** Saves a PNG of the viewport to {@code target/screenshots/NAME.png}. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Like {@link #screenshot} but tall enough for the whole document, at the current viewport width. */
    public Path screenshotFullPage(String name) throws IOException {
        Number width = (Number) driver.executeScript("return document.documentElement.clientWidth");
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        try {
            return screenshot(name);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** Browser console entries since the last call (CSP violations are reported there as errors). */
    public List<String> takeConsole() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::toString)
                .toList();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteRecursively(profile);
        }
    }

    private static synchronized void ensureInstalled() throws IOException {
        if (installed == null) {
            installed = runInstaller();
        }
        if (!installed) {
            String banner = "\n" + "!".repeat(78)
                    + "\n!! BROWSER TESTS SKIPPED: chromium/chromedriver are missing and could not be"
                    + " installed\n!! (no apt-get, or no root). Install: apt-get install chromium chromium-driver"
                    + " fonts-noto-cjk\n" + "!".repeat(78);
            System.err.println(banner);
            Assumptions.abort("chromium and chromedriver unavailable and not installable here");
        }
    }

    private static boolean runInstaller() throws IOException {
        Path script = Files.createTempFile("install-chromium", ".sh");
        try (InputStream in = BrowserFixture.class.getResourceAsStream(INSTALLER)) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            // Not inheritIO: the forked test JVM's stdout is Surefire's channel.
            Path log = Path.of("target", "install-chromium.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            System.err.println("BrowserFixture: checking/installing chromium, log in " + log);
            Process process = new ProcessBuilder("sh", script.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0 && Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
