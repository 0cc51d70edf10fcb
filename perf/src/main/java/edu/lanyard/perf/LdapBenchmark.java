package edu.lanyard.perf;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Campus directory sign-ins per second through the password grant: serves an in-memory directory of USERS people
 * (uid=user1…, two groups each) on LDAP_PORT, waits for the Lanyard node at BASE_URL (started with ldap.* pointing
 * here, see perf/ldap-bench.sh), then drives password grants for random users from WORKERS threads for SECONDS.
 * Every grant is a directory search, a bind, a group search and a Postgres upsert of the copy, plus the token.
 *
 * <p>usage: LdapBenchmark LDAP_PORT BASE_URL WORKERS SECONDS USERS CLIENT_ID CLIENT_SECRET
 */
public final class LdapBenchmark {
    static final String BASE = "dc=campus,dc=edu";

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: LdapBenchmark LDAP_PORT BASE_URL WORKERS SECONDS USERS CLIENT_ID CLIENT_SECRET");
            System.exit(2);
        }
        URI target = URI.create(args[1]);
        if (!"127.0.0.1".equals(target.getHost()) && !"localhost".equals(target.getHost())) {
            throw new IllegalArgumentException("the benchmark only targets loopback");
        }
        int users = Integer.parseInt(args[4]);
        InMemoryDirectoryServer directory = directory(Integer.parseInt(args[0]), users);
        try {
            waitUntilReady(args[1]);
            String basic = "Basic " + Base64.getEncoder().encodeToString((args[5] + ":" + args[6])
                    .getBytes(StandardCharsets.UTF_8));
            run(args[1], basic, Integer.parseInt(args[2]), Integer.parseInt(args[3]), users);
        } finally {
            directory.shutDown(true);
        }
    }

    private static InMemoryDirectoryServer directory(int port, int users) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials("cn=lanyard,ou=services," + BASE, "bench-service-pass");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", port));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: domain", "dc: campus");
        server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
        for (int i = 1; i <= users; i++) {
            server.add(new Entry("uid=user" + i + ",ou=people," + BASE,
                    new com.unboundid.ldap.sdk.Attribute("objectClass", "inetOrgPerson"),
                    new com.unboundid.ldap.sdk.Attribute("uid", "user" + i),
                    new com.unboundid.ldap.sdk.Attribute("cn", "User " + i),
                    new com.unboundid.ldap.sdk.Attribute("givenName", "User"),
                    new com.unboundid.ldap.sdk.Attribute("sn", String.valueOf(i)),
                    new com.unboundid.ldap.sdk.Attribute("mail", "user" + i + "@campus.edu"),
                    new com.unboundid.ldap.sdk.Attribute("userPassword", "pass-" + i)));
        }
        for (String group : List.of("students", "library")) {
            List<String> members = new ArrayList<>();
            for (int i = 1; i <= users; i++) {
                members.add("uid=user" + i + ",ou=people," + BASE);
            }
            server.add(new Entry("cn=" + group + ",ou=groups," + BASE,
                    new com.unboundid.ldap.sdk.Attribute("objectClass", "groupOfNames"),
                    new com.unboundid.ldap.sdk.Attribute("cn", group),
                    new com.unboundid.ldap.sdk.Attribute("member", members)));
        }
        server.startListening();
        return server;
    }

    private static void waitUntilReady(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the node at " + base + " did not become ready");
    }

    private static void run(String base, String basic, int workers, int seconds, int users)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // warm-up: first copies, JIT
        long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(5, seconds));
        java.util.function.Supplier<String[]> directoryUser = () -> {
            int user = ThreadLocalRandom.current().nextInt(1, users + 1);
            return new String[] {"user" + user, "pass-" + user};
        };
        drive(http, base, basic, workers, warmUntil, directoryUser, new ArrayList<>(), new AtomicLong());
        measure("directory sign-ins (password grant, " + users + " users)", http, base, basic, workers, seconds,
                directoryUser);
        // The same grant for a local user on the same node and machine: what the directory adds.
        String local = System.getenv().getOrDefault("BENCH_LOCAL_USER", "");
        if (local.contains(":")) {
            String[] pair = local.split(":", 2);
            measure("local-user sign-ins (password grant, for comparison)", http, base, basic, workers, seconds,
                    () -> pair);
        }
    }

    private static void measure(String what, HttpClient http, String base, String basic, int workers, int seconds,
                                java.util.function.Supplier<String[]> credentials) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        drive(http, base, basic, workers, started + TimeUnit.SECONDS.toNanos(seconds), credentials, latencies,
                failures);
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%s: %.1f/s over %.0f s, %d workers; p50 %.1f ms, p99 %.1f ms; %d failed%n", what,
                sorted.size() / elapsed, elapsed, workers, percentile(sorted, 0.50), percentile(sorted, 0.99),
                failures.get());
    }

    private static void drive(HttpClient http, String base, String basic, int workers, long deadline,
                              java.util.function.Supplier<String[]> credentials, List<Long> latencies,
                              AtomicLong failures) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            pool.execute(() -> {
                while (System.nanoTime() < deadline) {
                    String[] login = credentials.get();
                    String form = "grant_type=password&scope=" + URLEncoder.encode("openid profile email",
                            StandardCharsets.UTF_8) + "&username=" + URLEncoder.encode(login[0], StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(login[1], StandardCharsets.UTF_8);
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", basic)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (reply.statusCode() == 200) {
                            latencies.add(System.nanoTime() - start);
                        } else if (failures.incrementAndGet() <= 3) {
                            System.err.println("grant answered " + reply.statusCode() + ": " + reply.body());
                        }
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) {
                            System.err.println("grant failed: " + e.getMessage());
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size()))) / 1e6;
    }
}
