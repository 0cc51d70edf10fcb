package edu.lanyard.perf;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Password-grant sign-ins per second by password hash family (perf/bench-passwords.sh). Two commands:
 * <ul>
 * <li>{@code users FILE COUNT COST}: writes an import file with COUNT bcrypt users {@code bc<i>} (cost COST, as
 * MaxKey or PHP wrote them) and COUNT plaintext users {@code pb<i>} (Lanyard hashes them with PBKDF2 at import);
 * every password is {@code pw-<i>};</li>
 * <li>{@code run BASE WORKERS SECONDS PREFIX COUNT ONCE}: WORKERS threads sign in as {@code PREFIX<i>} in turn; with
 * ONCE=true each user signs in at most once (a bcrypt user's first sign-in, before its re-hash lands), and the run
 * ends early when every user has. Prints {@code RESULT} with sign-ins/s and p50/p99.</li>
 * </ul>
 * Loopback only; every run stops by itself.
 */
public final class PasswordGrantBenchmark {
    private static final String CLIENT = "pwbench";
    private static final String SECRET = "pwbench-secret-4b8d2f6a1c3e5g7i9k";

    private PasswordGrantBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("users")) {
            users(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else if (args.length == 7 && args[0].equals("run")) {
            run(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4], Integer.parseInt(args[5]),
                    Boolean.parseBoolean(args[6]));
        } else {
            System.err.println("usage: users FILE COUNT COST | run BASE WORKERS SECONDS PREFIX COUNT ONCE");
            System.exit(2);
        }
    }

    private static void users(Path file, int count, int cost) throws Exception {
        SecureRandom random = new SecureRandom();
        List<String> bcrypt = IntStream.range(0, count).parallel().mapToObj(i -> {
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            return OpenBSDBCrypt.generate("2y", ("pw-" + i).getBytes(StandardCharsets.UTF_8), salt, cost);
        }).toList();
        StringBuilder yaml = new StringBuilder("clients:\n  - client_id: " + CLIENT + "\n    client_secret: " + SECRET
                + "\n    grant_types: [password]\n    scopes: [openid]\nusers:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("  - username: bc").append(i).append("\n    password_hash: '").append(bcrypt.get(i))
                    .append("'\n  - username: pb").append(i).append("\n    password: pw-").append(i).append('\n');
        }
        Files.writeString(file, yaml);
    }

    private static void run(String base, int workers, int seconds, String prefix, int count, boolean once)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET)
                .getBytes(StandardCharsets.UTF_8));
        AtomicInteger next = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        AtomicLong last = new AtomicLong(start);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    int n = next.getAndIncrement();
                    if (once && n >= count) {
                        break;
                    }
                    int i = n % count;
                    String body = "grant_type=password&scope=openid&username=" + prefix + i + "&password=pw-" + i;
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", basic)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        long t1 = System.nanoTime();
                        (status == 200 ? ok : failed).incrementAndGet();
                        latencies.add(t1 - t0);
                        last.accumulateAndGet(t1, Math::max);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (last.get() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("RESULT %8.1f sign-ins/s  p50 %6.1f ms  p99 %6.1f ms  (%d ok, %d failed, %.1f s)%n",
                ok.get() / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99), ok.get(), failed.get(),
                elapsed);
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1e6;
    }
}
