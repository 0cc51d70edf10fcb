package edu.lanyard.perf;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full browser-style sign-ins per second: GET /oauth2/authorize (login page) → POST /oauth2/login → 303 to the
 * redirect URI with a code → POST /oauth2/token (code + PKCE) → GET /oauth2/userinfo. Each worker is a fresh browser
 * (new cookie jar) per sign-in, so every flow pays for one password hash. Loopback only; stops after the duration.
 *
 * <p>usage: SignInBenchmark BASE_URL WORKERS SECONDS CLIENT_ID CLIENT_SECRET REDIRECT_URI USERNAME PASSWORD
 */
public final class SignInBenchmark {
    private static final Pattern HIDDEN = Pattern.compile("name=\"(rid|csrf)\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private final String base;
    private final String clientId;
    private final String basic;
    private final String redirectUri;
    private final String username;
    private final String password;

    private SignInBenchmark(String[] args) {
        this.base = args[0];
        this.clientId = args[3];
        this.basic = "Basic " + Base64.getEncoder().encodeToString((args[3] + ":" + args[4])
                .getBytes(StandardCharsets.UTF_8));
        this.redirectUri = args[5];
        this.username = args[6];
        this.password = args[7];
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 8) {
            System.err.println("usage: SignInBenchmark BASE_URL WORKERS SECONDS CLIENT_ID CLIENT_SECRET REDIRECT_URI "
                    + "USERNAME PASSWORD");
            System.exit(2);
        }
        URI target = URI.create(args[0]);
        if (!"127.0.0.1".equals(target.getHost()) && !"localhost".equals(target.getHost())) {
            throw new IllegalArgumentException("the benchmark only targets loopback");
        }
        new SignInBenchmark(args).run(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }

    private void run(int workers, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            pool.execute(() -> {
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    try {
                        signIn();
                        latencies.add(System.nanoTime() - start);
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) {
                            System.err.println("sign-in failed: " + e.getMessage());
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double perSecond = sorted.size() / (double) seconds;
        System.out.printf("RESULT signins_per_s=%.1f p50_ms=%.1f p99_ms=%.1f completed=%d failed=%d workers=%d%n",
                perSecond, percentile(sorted, 50), percentile(sorted, 99), sorted.size(), failures.get(), workers);
    }

    private void signIn() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(String.valueOf(System.nanoTime()).getBytes()));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = base + "/oauth2/authorize?response_type=code&client_id=" + enc(clientId)
                + "&redirect_uri=" + enc(redirectUri) + "&scope=openid%20profile&state=s&code_challenge="
                + challenge + "&code_challenge_method=S256";
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String rid = null;
        String csrf = null;
        Matcher hidden = HIDDEN.matcher(page.body());
        while (hidden.find()) {
            if ("rid".equals(hidden.group(1))) {
                rid = hidden.group(2);
            } else {
                csrf = hidden.group(2);
            }
        }
        if (rid == null || csrf == null) {
            throw new IllegalStateException("no login form (status " + page.statusCode() + ")");
        }
        String form = "rid=" + enc(rid) + "&csrf=" + enc(csrf) + "&username=" + enc(username) + "&password="
                + enc(password);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElseThrow(() ->
                new IllegalStateException("login answered " + login.statusCode()));
        Matcher code = CODE.matcher(location);
        if (!code.find()) {
            throw new IllegalStateException("no code in " + location);
        }
        String exchange = "grant_type=authorization_code&code=" + code.group(1) + "&redirect_uri=" + enc(redirectUri)
                + "&code_verifier=" + verifier;
        HttpResponse<String> token = browser.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.ofString(exchange)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher accessToken = ACCESS_TOKEN.matcher(token.body());
        if (!accessToken.find()) {
            throw new IllegalStateException("token exchange answered " + token.statusCode() + " " + token.body());
        }
        HttpResponse<String> userinfo = browser.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/userinfo"))
                .header("Authorization", "Bearer " + accessToken.group(1)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (userinfo.statusCode() != 200) {
            throw new IllegalStateException("userinfo answered " + userinfo.statusCode());
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
