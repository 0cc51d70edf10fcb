package edu.lanyard.perf;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two halves of {@code perf/coldstart.sh}, run before and after the whole cluster is killed.
 *
 * <ul>
 *   <li>{@code issue BASE COUNT SAMPLE_FILE}: issues COUNT access tokens (client_credentials, many in flight) and
 *   keeps 10,000 of them spread over the run in SAMPLE_FILE with the answer introspection must give after the
 *   restart: one in twenty is revoked before the kill (inactive), plus refresh tokens from the password grant,
 *   half of them rotated away (the old one inactive, the new one active).</li>
 *   <li>{@code check BASE SAMPLE_FILE}: introspects every sampled token once, 16 at a time, and prints the latency
 *   of these first introspections, how many were told to retry (503) and how many answered wrongly. A 503 is
 *   retried until it gets an answer, which is then checked too.</li>
 * </ul>
 * Loopback only; the client is the benchmark's own {@code bench} client.
 */
public final class ColdStartBenchmark {
    private static final String CLIENT = "bench";
    private static final String SECRET = "bench-secret-7f3c9a1e5b2d4f6081a3c5e7f9b1d3e5";
    private static final int SAMPLE = 10_000;
    private static final int IN_FLIGHT = 64;
    private static final int CHECKERS = 16;
    private static final int REFRESH_FAMILIES = 100;
    private static final Pattern FIELD = Pattern.compile("\"(access_token|refresh_token)\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String basic = "Basic " + Base64.getEncoder()
            .encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));

    private ColdStartBenchmark(String base) {
        URI target = URI.create(base);
        if (!"127.0.0.1".equals(target.getHost()) && !"localhost".equals(target.getHost())) {
            throw new IllegalArgumentException("the benchmark only targets loopback");
        }
        this.base = base;
    }

    /** One sampled token and whether introspection must call it active. */
    private record Expected(String token, boolean active) {
        String line() {
            return (active ? "active " : "inactive ") + token;
        }

        static Expected parse(String line) {
            String[] parts = line.split(" ", 2);
            return new Expected(parts[1], parts[0].equals("active"));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("issue")) {
            new ColdStartBenchmark(args[1]).issue(Long.parseLong(args[2]), Path.of(args[3]));
        } else if (args.length == 3 && args[0].equals("check")) {
            new ColdStartBenchmark(args[1]).check(Path.of(args[2]));
        } else {
            System.err.println("usage: ColdStartBenchmark issue BASE_URL COUNT SAMPLE_FILE"
                    + " | check BASE_URL SAMPLE_FILE");
            System.exit(2);
        }
    }

    private void issue(long count, Path sampleFile) throws Exception {
        long every = Math.max(1, count / SAMPLE);
        ConcurrentLinkedQueue<String> sampled = new ConcurrentLinkedQueue<>();
        AtomicLong issued = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Semaphore window = new Semaphore(IN_FLIGHT);
        long started = System.nanoTime();
        long lastReport = started;
        for (long i = 0; i < count; i++) {
            window.acquire();
            boolean keep = i % every == 0;
            post("/oauth2/token", "grant_type=client_credentials&scope=profile").whenComplete((reply, error) -> {
                window.release();
                String token = error == null && reply.statusCode() == 200 ? field(reply.body(), "access_token") : null;
                if (token == null) {
                    failed.incrementAndGet();
                    return;
                }
                issued.incrementAndGet();
                if (keep) {
                    sampled.add(token);
                }
            });
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.printf("  issued %,d of %,d (%,.0f/s)%n", issued.get(), count,
                        issued.get() / ((lastReport - started) / 1e9));
            }
        }
        window.acquire(IN_FLIGHT);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("ISSUED %,d access tokens in %.0f s (%,.0f/s), %,d failed%n", issued.get(), seconds,
                issued.get() / seconds, failed.get());

        List<Expected> expected = new ArrayList<>();
        int n = 0;
        for (String token : sampled) {
            boolean revoke = n++ % 20 == 0;
            if (revoke && post("/oauth2/revoke", "token=" + token).join().statusCode() != 200) {
                throw new IllegalStateException("revocation refused");
            }
            expected.add(new Expected(token, !revoke));
        }
        for (int family = 0; family < REFRESH_FAMILIES; family++) {
            String first = field(post("/oauth2/token", "grant_type=password&username=student1"
                    + "&password=student1-pass&scope=profile").join().body(), "refresh_token");
            if (family % 2 == 0) {
                String next = field(post("/oauth2/token", "grant_type=refresh_token&refresh_token="
                        + enc(first)).join().body(), "refresh_token");
                expected.add(new Expected(first, false));
                expected.add(new Expected(next, true));
            } else {
                expected.add(new Expected(first, true));
            }
        }
        Collections.shuffle(expected);
        Files.write(sampleFile, expected.stream().map(Expected::line).toList());
        System.out.printf("SAMPLED %,d tokens to check after the restart (%,d must be inactive)%n",
                expected.size(), expected.stream().filter(e -> !e.active()).count());
    }

    private void check(Path sampleFile) throws Exception {
        List<Expected> expected = Files.readAllLines(sampleFile).stream().map(Expected::parse).toList();
        long[] firstLatencyMicros = new long[expected.size()];
        AtomicLong retried = new AtomicLong();
        AtomicLong timeouts = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        AtomicLong index = new AtomicLong();
        long started = System.nanoTime();
        List<Thread> checkers = new ArrayList<>();
        for (int t = 0; t < CHECKERS; t++) {
            Thread checker = new Thread(() -> {
                for (long i = index.getAndIncrement(); i < expected.size(); i = index.getAndIncrement()) {
                    Expected one = expected.get((int) i);
                    boolean first = true;
                    while (true) {
                        long sent = System.nanoTime();
                        HttpResponse<String> reply;
                        try {
                            reply = post("/oauth2/introspect", "token=" + one.token()).join();
                        } catch (RuntimeException timedOut) {
                            reply = null;
                        }
                        if (first) {
                            firstLatencyMicros[(int) i] = (System.nanoTime() - sent) / 1_000;
                            first = false;
                        }
                        if (reply == null) {
                            timeouts.incrementAndGet();
                            continue;
                        }
                        if (reply.statusCode() == 503) {
                            retried.incrementAndGet();
                            pause();
                            continue;
                        }
                        boolean active = reply.statusCode() == 200 && reply.body().contains("\"active\":true");
                        if (reply.statusCode() != 200 || active != one.active()) {
                            wrong.incrementAndGet();
                        }
                        break;
                    }
                }
            });
            checker.start();
            checkers.add(checker);
        }
        for (Thread checker : checkers) {
            checker.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = firstLatencyMicros.clone();
        Arrays.sort(sorted);
        System.out.printf("FIRST %,d introspections of tokens issued before the restart (%d at a time): %.1f s;"
                        + " latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                expected.size(), CHECKERS, seconds, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                sorted[sorted.length - 1] / 1000.0);
        System.out.printf("RETRY (503) %,d; TIMED OUT (30 s, retried) %,d; WRONG %,d%n", retried.get(),
                timeouts.get(), wrong.get());
        if (wrong.get() > 0) {
            System.exit(1);
        }
    }

    private CompletableFuture<HttpResponse<String>> post(String path, String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        return null;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double pct(long[] sorted, int percentile) {
        int at = (int) Math.min(sorted.length - 1, Math.ceil(sorted.length * percentile / 100.0) - 1);
        return sorted[Math.max(0, at)] / 1000.0;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
