package edu.lanyard.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The meters an operator watches at 8 a.m., read from a real scrape of a whole node while a browser and an app sign
 * in, fail, get locked out, consent and log out: each counter moves by exactly what was done. Also the shape of the
 * scrape: every Lanyard family explains itself in HELP, and latency histograms have a few buckets, not seventy.
 */
class OperatorMetricsTest {
    private static final String WEBAPP_CB = "http://127.0.0.1:9101/cb";
    private static final String GRADES_CB = "http://127.0.0.1:9103/cb";
    private static final int MAX_FAILURES = 3;
    /** Every Lanyard histogram series: the service-level buckets and +Inf. */
    private static final int MAX_BUCKETS = 12;

    private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "lanyard.json");
    private static final Path RULES = Path.of("..", "deploy", "prometheus", "lanyard-rules.yaml");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static LanyardTestServer server;

    @BeforeAll
    static void start() {
        server = LanyardTestServer.builder()
                .env("LANYARD_LOGIN_MAX_FAILURES_PER_USER", String.valueOf(MAX_FAILURES))
                .env("LANYARD_RATE_LIMIT_FAILURES_PER_CLIENT", "2")
                .importing("/token-clients.yaml")
                .start();
        // second, so that its webapp (with the browser tests' redirect URIs) replaces token-clients.yaml's
        server.importFile(LanyardTestServer.resource("/browser-clients.yaml"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** What one action changed: a counter's value after minus before. */
    private static double moved(String name, Map<String, String> labels, Runnable action) {
        double before = Scrape.of(server).sum(name, labels);
        action.run();
        return Scrape.of(server).sum(name, labels) - before;
    }

    private static Browser.Outcome loginPage(Browser browser, String clientId, String redirectUri) {
        Browser.Outcome page = browser.authorize(clientId, redirectUri, "openid profile", Browser.Pkce.create());
        assertEquals(200, page.status(), page.body());
        return page;
    }

    @Test
    void loginPageSignInsCountByOutcome() {
        Scrape before = Scrape.of(server);
        Browser browser = new Browser(server.baseUrl());
        Browser.Outcome wrong = browser.logIn(loginPage(browser, "webapp", WEBAPP_CB), "alice", "not-her-password");
        assertEquals(400, wrong.status(), "the login page again, saying what was wrong");
        Browser.Outcome right = browser.logIn(loginPage(browser, "webapp", WEBAPP_CB), "alice", "alice-pass");
        assertEquals(303, right.status(), right.body());
        Scrape after = Scrape.of(server);

        double failures = delta(before, after, "lanyard_signins_total", "via", "login_page", "outcome", "failure");
        double successes = delta(before, after, "lanyard_signins_total", "via", "login_page", "outcome", "success");
        System.out.printf("login page: %.0f failure, %.0f success%n", failures, successes);
        assertEquals(1.0, failures);
        assertEquals(1.0, successes);
        assertEquals(0.0, delta(before, after, "lanyard_signins_total", "via", "password_grant"));
        assertTrue(after.sum("lanyard_hazelcast_map_entries", "map", "lanyard.sessions") >= 1,
                "the session is an owned entry of this single member");
    }

    @Test
    void repeatedFailuresLockTheUserAndTheLockIsCounted() {
        Scrape before = Scrape.of(server);
        Browser browser = new Browser(server.baseUrl());
        for (int i = 0; i < MAX_FAILURES; i++) {
            browser.logIn(loginPage(browser, "webapp", WEBAPP_CB), "carol", "wrong-" + i);
        }
        Browser.Outcome locked = browser.logIn(loginPage(browser, "webapp", WEBAPP_CB), "carol", "carol-pass");
        assertEquals(400, locked.status(), "refused while locked, even with the right password");
        Scrape after = Scrape.of(server);

        System.out.printf("lockout: %.0f failures, %.0f lockouts, %.0f refused while locked%n",
                delta(before, after, "lanyard_signins_total", "via", "login_page", "outcome", "failure"),
                delta(before, after, "lanyard_lockouts_total", "kind", "user"),
                delta(before, after, "lanyard_signins_total", "via", "login_page", "outcome", "locked"));
        assertEquals(MAX_FAILURES, delta(before, after, "lanyard_signins_total", "via", "login_page", "outcome",
                "failure"));
        assertEquals(1.0, delta(before, after, "lanyard_lockouts_total", "kind", "user"));
        assertEquals(1.0, delta(before, after, "lanyard_signins_total", "via", "login_page", "outcome", "locked"));
        assertEquals(0.0, delta(before, after, "lanyard_signins_total", "via", "login_page", "outcome", "success"));
    }

    @Test
    void passwordGrantSignInsCountApartFromTheLoginPage() {
        String app = Http.basic("app", "app-secret-0123456789abcdef");
        Scrape before = Scrape.of(server);
        assertEquals(400, Http.postForm(server.baseUrl() + "/oauth2/token", app, Http.form(Http.fields(
                "grant_type", "password", "username", "tess", "password", "wrong"))).status());
        assertEquals(200, Http.postForm(server.baseUrl() + "/oauth2/token", app, Http.form(Http.fields(
                "grant_type", "password", "username", "tess", "password", "tess-pass"))).status());
        Scrape after = Scrape.of(server);

        assertEquals(1.0, delta(before, after, "lanyard_signins_total", "via", "password_grant", "outcome", "failure"));
        assertEquals(1.0, delta(before, after, "lanyard_signins_total", "via", "password_grant", "outcome", "success"));
        assertEquals(0.0, delta(before, after, "lanyard_signins_total", "via", "login_page"));
        assertEquals(1.0, delta(before, after, "lanyard_tokens_issued_total", "grant", "password"));
    }

    @Test
    void consentDecisionsCountGrantedAndDenied() {
        Browser granting = new Browser(server.baseUrl());
        Browser.Outcome consent = granting.logIn(loginPage(granting, "grades", GRADES_CB), "bob", "bob-pass");
        assertEquals(200, consent.status(), "the consent page: " + consent.body());
        assertEquals(1.0, moved("lanyard_consents_total", Map.of("decision", "granted"), () ->
                assertEquals(303, granting.approve(consent).status())));

        Browser denying = new Browser(server.baseUrl());
        Browser.Outcome asked = denying.logIn(loginPage(denying, "grades", GRADES_CB), "alice", "alice-pass");
        assertEquals(200, asked.status(), asked.body());
        assertEquals(1.0, moved("lanyard_consents_total", Map.of("decision", "denied"), () -> {
            Browser.Outcome denied = denying.decide(asked, "deny");
            assertTrue(denied.location().contains("error=access_denied"), denied.location());
        }));
    }

    @Test
    void logoutsCountByKindAndEndedSessionsByReason() {
        Browser oidc = new Browser(server.baseUrl());
        assertEquals(303, oidc.logIn(loginPage(oidc, "webapp", WEBAPP_CB), "bob", "bob-pass").status());
        Browser.Outcome confirm = oidc.open(server.baseUrl() + "/oauth2/logout?client_id=webapp");
        assertEquals(200, confirm.status(), "asks first, without an id_token_hint");

        Scrape before = Scrape.of(server);
        assertEquals(200, oidc.confirmLogout(confirm).status());
        Scrape afterOidc = Scrape.of(server);
        assertEquals(1.0, delta(before, afterOidc, "lanyard_logouts_total", "kind", "rp_initiated"));
        assertEquals(1.0, delta(before, afterOidc, "lanyard_sessions_ended_total", "reason", "logout"));

        Browser cas = new Browser(server.baseUrl());
        assertEquals(303, cas.logIn(loginPage(cas, "webapp", WEBAPP_CB), "bob", "bob-pass").status());
        Scrape beforeCas = Scrape.of(server);
        cas.open(server.baseUrl() + "/cas/logout");
        Scrape afterCas = Scrape.of(server);
        assertEquals(1.0, delta(beforeCas, afterCas, "lanyard_logouts_total", "kind", "product", "dialect", "cas"));
        assertEquals(1.0, delta(beforeCas, afterCas, "lanyard_sessions_ended_total", "reason", "logout"));

        Scrape beforeNoSession = Scrape.of(server);
        new Browser(server.baseUrl()).open(server.baseUrl() + "/cas/logout");
        Scrape afterNoSession = Scrape.of(server);
        assertEquals(1.0, delta(beforeNoSession, afterNoSession, "lanyard_logouts_total", "kind", "product"),
                "a browser without a session is signed out all the same");
        assertEquals(0.0, delta(beforeNoSession, afterNoSession, "lanyard_sessions_ended_total"),
                "but no session ended");
    }

    @Test
    void everyLanyardFamilyHasHelpAndLatencyHistogramsHaveAFewBuckets() throws Exception {
        Http.postForm(server.baseUrl() + "/oauth2/token", Http.basic("app", "app-secret-0123456789abcdef"),
                Http.form(Http.fields("grant_type", "client_credentials", "scope", "reports.read")));
        Scrape scrape = Scrape.of(server);
        Files.writeString(Path.of("target", "metrics-scrape.txt"), scrape.text()); // to read after a failure

        List<String> families = scrape.types().keySet().stream().filter(n -> n.startsWith("lanyard_")).sorted()
                .toList();
        List<String> withoutHelp = families.stream()
                .filter(f -> scrape.help().getOrDefault(f, "").isBlank()).toList();
        System.out.println("lanyard_* families: " + families.size() + ", scrape: " + scrape.text().length()
                + " bytes, " + scrape.samples().size() + " samples");
        assertTrue(families.size() > 20, families.toString());
        assertEquals(List.of(), withoutHelp, "lanyard_* families with an empty HELP text");

        int histograms = 0;
        for (String family : families) {
            Map<Map<String, String>, Integer> buckets = scrape.bucketsPerSeries(family + "_bucket");
            for (Map.Entry<Map<String, String>, Integer> series : buckets.entrySet()) {
                histograms++;
                assertTrue(series.getValue() <= MAX_BUCKETS, family + series.getKey() + ": " + series.getValue()
                        + " buckets");
            }
        }
        int requestBuckets = scrape.bucketsPerSeries("lanyard_http_requests_seconds_bucket").values().stream()
                .findFirst().orElseThrow();
        System.out.println("histogram series: " + histograms + ", buckets per request series: " + requestBuckets);
        assertTrue(histograms > 0);
        assertTrue(scrape.sampleNames().contains("lanyard_kafka_publish_seconds_bucket"));
        assertTrue(scrape.sampleNames().contains("lanyard_projection_batch_seconds_bucket")
                || scrape.sampleNames().contains("lanyard_projection_batch_seconds_count"));
    }

    @Test
    void clusterPoolsAndDependenciesAreGauges() throws Exception {
        Scrape scrape = eventually(() -> Scrape.of(server),
                s -> s.sum("lanyard_dependency_up", "dependency", "kafka") == 1
                        && s.sum("lanyard_dependency_up", "dependency", "postgres") == 1
                        && s.sum("lanyard_dependency_up", "dependency", "projection") == 1);
        assertEquals(1.0, scrape.sum("lanyard_hazelcast_members"));
        assertEquals(0.0, scrape.sum("lanyard_kafka_publish_gate_closed"));
        assertTrue(scrape.sum("lanyard_vertx_pool_size", "type", "sql") > 0, "the Postgres client pools");
        assertTrue(scrape.sum("lanyard_vertx_pool_size", "type", "worker") > 0, "the worker pool");
        assertTrue(scrape.sampleNames().contains("lanyard_vertx_pool_pending"));
        for (String pool : new String[] {"lanyard-projector", "lanyard-coldstart"}) {
            assertTrue(scrape.samples().stream().anyMatch(s -> s.name().equals("hikaricp_connections_max")
                    && pool.equals(s.labels().get("pool"))), "Hikari pool " + pool);
        }
        List<String> maps = scrape.samples().stream().filter(s -> s.name().equals("lanyard_hazelcast_map_entries"))
                .map(s -> s.labels().get("map")).sorted().toList();
        System.out.println("Hazelcast maps with an entries gauge: " + maps);
        assertTrue(maps.containsAll(List.of("lanyard.access-tokens", "lanyard.refresh-tokens", "lanyard.sessions",
                "lanyard.login-failures", "lanyard.pending-authorizations")), maps.toString());
    }

    /** The dependency gauges follow /health/dependencies: the same checks, the same verdicts. */
    @Test
    void dependencyGaugesAgreeWithTheHealthEndpoint() throws Exception {
        JsonObject checks = Http.get(server.managementUrl() + "/health/dependencies", null).json()
                .getJsonObject("checks");
        Scrape scrape = eventually(() -> Scrape.of(server), s -> s.sum("lanyard_dependency_up") == 3);
        for (String dependency : checks.fieldNames()) {
            assertEquals(checks.getString(dependency).equals("UP") ? 1.0 : 0.0,
                    scrape.sum("lanyard_dependency_up", "dependency", dependency), dependency);
        }
        assertFalse(checks.isEmpty());
    }

    /**
     * Every metric the Grafana dashboard and the alert rules read is one a real node exposes (besides {@code up},
     * which Prometheus itself writes for every target). Lazily registered series are brought about first: a token,
     * a 429 of the client-authentication throttle, an event the projector applies.
     */
    @Test
    void everyMetricTheDashboardAndTheAlertsReadExists() throws Exception {
        String app = Http.basic("app", "app-secret-0123456789abcdef");
        assertEquals(200, Http.postForm(server.baseUrl() + "/oauth2/token", app, Http.form(Http.fields(
                "grant_type", "client_credentials", "scope", "reports.read"))).status());
        String wrong = Http.basic("other", "not-the-secret");
        int refused = 0;
        for (int i = 0; i < 4; i++) {
            refused += Http.postForm(server.baseUrl() + "/oauth2/token", wrong, "grant_type=client_credentials")
                    .status() == 429 ? 1 : 0;
        }
        assertTrue(refused > 0, "the throttle refused (LANYARD_RATE_LIMIT_FAILURES_PER_CLIENT=2)");

        Map<String, Set<String>> used = new TreeMap<>();
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        dashboard.findValues("expr").forEach(expr -> PromQlNames.in(expr.asText())
                .forEach(name -> used.computeIfAbsent(name, n -> new TreeSet<>()).add("dashboard")));
        for (JsonNode variable : dashboard.at("/templating/list")) {
            Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asText());
            if (labelValues.find()) {
                used.computeIfAbsent(labelValues.group(1), n -> new TreeSet<>()).add("dashboard variable");
            }
        }
        JsonNode rules = YAML.readTree(RULES.toFile());
        rules.findValues("expr").forEach(expr -> PromQlNames.in(expr.asText())
                .forEach(name -> used.computeIfAbsent(name, n -> new TreeSet<>()).add("alert rules")));
        used.remove("up");
        // Micrometer registers the GC pause timer at the first collection, which a fresh, idle node may not have had.
        used.keySet().removeIf(name -> name.startsWith("jvm_gc_pause_seconds"));
        // Label values a query insists on (result="acked", map="lanyard.sessions", le="0.25" …) must exist too;
        // not job (the scraper's) and not status (any HTTP status may come).
        List<PromQlNames.Selector> selectors = new ArrayList<>();
        for (JsonNode expr : concat(dashboard.findValues("expr"), rules.findValues("expr"))) {
            for (PromQlNames.Selector selector : PromQlNames.selectors(expr.asText())) {
                Map<String, String> labels = new TreeMap<>(selector.labels());
                labels.remove("job");
                labels.remove("status");
                if (!labels.isEmpty() && !selector.metric().equals("up")) {
                    selectors.add(new PromQlNames.Selector(selector.metric(), labels));
                }
            }
        }

        Scrape scrape = eventually(() -> Scrape.of(server), s -> s.sampleNames().containsAll(used.keySet()));
        Map<String, Set<String>> missing = new TreeMap<>(used);
        missing.keySet().removeAll(scrape.sampleNames());
        System.out.println("metric names read by the dashboard and the alert rules: " + used.size() + ", missing: "
                + missing.keySet());
        assertTrue(used.size() > 25, used.toString());
        assertEquals(Map.of(), missing, "metrics the dashboard or the alerts read that no node exposes");
        List<PromQlNames.Selector> unmatched = selectors.stream().filter(selector -> scrape.samples().stream()
                .noneMatch(s -> s.name().equals(selector.metric()) && s.has(selector.labels()))).distinct().toList();
        System.out.println("label selectors checked: " + selectors.stream().distinct().count());
        assertEquals(List.of(), unmatched, "label values the dashboard or the alerts select that no series has");
    }

    private static List<JsonNode> concat(List<JsonNode> first, List<JsonNode> second) {
        List<JsonNode> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            value = read.get();
        }
        return value;
    }
}
