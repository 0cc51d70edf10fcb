package edu.lanyard.perf.gatling;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What a run is told by perf/gatling.sh, from the environment (or the same names as system properties):
 * {@code BASE_URL} (one base URL, or several comma-separated: virtual users are spread round-robin over them),
 * {@code DURATION} in seconds, {@code USERS} (concurrent virtual users, or the sign-ins of the morning ramp),
 * {@code STUDENTS} (how many generated students exist: student1 … studentN), and the morning's assertions
 * {@code MAX_FAILED_PERCENT} and {@code P99_MS}.
 */
public record LoadSettings(List<String> baseUrls, Duration duration, int users, int students,
                           double maxFailedPercent, int p99Millis) {

    public LoadSettings {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("BASE_URL names no URL");
        }
        baseUrls.forEach(LoadSettings::requireHttpUrl);
        if (users < 1 || students < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("USERS, STUDENTS and DURATION must be positive");
        }
    }

    public static LoadSettings fromEnvironment() {
        List<String> urls = Arrays.stream(setting("BASE_URL", "http://127.0.0.1:8080").split(","))
                .map(String::trim).filter(url -> !url.isEmpty()).map(LoadSettings::withoutTrailingSlash).toList();
        return new LoadSettings(urls, Duration.ofSeconds(Long.parseLong(setting("DURATION", "30"))),
                Integer.parseInt(setting("USERS", "16")), Integer.parseInt(setting("STUDENTS", "2000")),
                Double.parseDouble(setting("MAX_FAILED_PERCENT", "1")), Integer.parseInt(setting("P99_MS", "5000")));
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void requireHttpUrl(String url) {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("BASE_URL entry is not an http(s) URL: " + url);
        }
    }
}
