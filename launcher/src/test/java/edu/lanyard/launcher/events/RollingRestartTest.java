package edu.lanyard.launcher.events;

import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.devkit.FreePorts;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardProcess;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.launcher.RawHttp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three {@code lanyard serve all} processes (one Hazelcast cluster, one database, one topic, durability
 * {@code kafka}) are restarted one after another under load, the way a Kubernetes rolling update does it: SIGTERM,
 * wait for the exit, start again, wait for readiness. Traffic goes only to nodes that are ready, as behind a load
 * balancer; a request a node has already begun when it is told to stop must still be answered. In the end no
 * request has failed and every token handed out still works: each access token introspects as active, each
 * family's refresh token refreshes — nobody was logged out.
 */
@Tag("fault")
class RollingRestartTest {
    private static final int NODES = 3;
    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration STOP = Duration.ofSeconds(60);
    /** One log line per stage of the stop, in this order; the drain ended before its timeout. */
    private static final List<String> STAGES = List.of("shutdown: SIGTERM received",
            "shutdown: /health/ready answers 503", "shutdown: port closed to new connections",
            "shutdown: every request answered", "shutdown: stopped [projection]",
            "shutdown: event producer flushed and closed",
            "shutdown: left the Hazelcast cluster gracefully, partitions handed to 2 other member(s)",
            "shutdown: pools closed; stopped cleanly");
    private static final Pattern CLUSTER_FORMED = Pattern.compile("Members \\{size:1,");
    private static final Pattern THREE_MEMBERS = Pattern.compile("Members \\{size:3,");
    /** Hazelcast's member list in the log, so the test can see the cluster form. */
    private static final List<String> SHOW_MEMBERS =
            List.of("-Dorg.slf4j.simpleLogger.log.com.hazelcast.internal.cluster.ClusterService=info");

    @Test
    void restartingEveryNodeInTurnFailsNoRequestAndLosesNoToken() throws Exception {
        List<Integer> hazelcastPorts = IntStream.range(0, NODES).mapToObj(i -> FreePorts.pick()).toList();
        Map<String, String> shared = new HashMap<>(LanyardTestServer.environment(Map.of(
                "LANYARD_HAZELCAST_CLUSTER_NAME", "lanyard-rolling-" + UUID.randomUUID().toString().substring(0, 8),
                "LANYARD_HAZELCAST_MEMBERS", hazelcastPorts.stream().map(port -> "127.0.0.1:" + port)
                        .collect(Collectors.joining(",")),
                "LANYARD_DURABILITY", "KAFKA",
                "LANYARD_POSTGRES_POOL_SIZE", "4",
                "LANYARD_HTTP_SHUTDOWN_DELAY_SECONDS", "1",
                "LANYARD_HTTP_DRAIN_TIMEOUT_SECONDS", "20")));
        LanyardConfig config = ConfigLoader.load(null, shared);
        LanyardTestServer.importInto(config, "/events-clients.yaml");
        List<Map<String, String>> envs = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            Map<String, String> env = new HashMap<>(shared);
            env.put("LANYARD_HTTP_PORT", String.valueOf(FreePorts.pick()));
            env.put("LANYARD_HAZELCAST_PORT", String.valueOf(hazelcastPorts.get(i)));
            envs.add(env);
        }

        List<LanyardProcess> nodes = new ArrayList<>();
        try {
            // The first member forms the cluster; the other two join it once it exists (started at the same moment,
            // the three could form more than one).
            nodes.add(start(0, envs.get(0)));
            Wait.until("the first member to form the cluster", START,
                    () -> CLUSTER_FORMED.matcher(nodes.get(0).log()).find() || !nodes.get(0).isAlive());
            nodes.add(start(1, envs.get(1)));
            nodes.add(start(2, envs.get(2)));
            nodes.forEach(node -> node.awaitReady(START));
            Wait.until("a cluster of three", START, () -> THREE_MEMBERS.matcher(nodes.get(0).log()).find());

            List<String> urls = nodes.stream().map(LanyardProcess::baseUrl).toList();
            List<LoadGenerator.Issued> answeredWhileStopping = new ArrayList<>();
            List<Long> stopMillis = new ArrayList<>();
            List<Long> startMillis = new ArrayList<>();
            LoadGenerator.Figures figures;
            try (ReadyNodes balancer = new ReadyNodes(urls);
                 LoadGenerator load = new LoadGenerator(balancer, 2, LoadGenerator.Mix.SIGN_IN_AND_INTROSPECT)
                         .start()) {
                Wait.until("traffic", START, () -> load.succeeded() >= 50);
                for (int i = 0; i < NODES; i++) {
                    LanyardProcess node = nodes.get(i);
                    long stopping = System.nanoTime();
                    answeredWhileStopping.add(stopWithARequestInFlight(node));
                    stopMillis.add(Duration.ofNanos(System.nanoTime() - stopping).toMillis());
                    long starting = System.nanoTime();
                    nodes.set(i, start(i, envs.get(i)).awaitReady(START));
                    startMillis.add(Duration.ofNanos(System.nanoTime() - starting).toMillis());
                    long atRestart = load.succeeded();
                    Wait.until("traffic after restarting node " + i, START,
                            () -> load.succeeded() >= atRestart + 30);
                }
                figures = load.stop();
                List<String> problems = List.copyOf(load.unexpected);
                long checking = System.nanoTime();

                List<LoadGenerator.Issued> accessTokens = new ArrayList<>(load.issued);
                accessTokens.addAll(answeredWhileStopping);
                long lostAccess = inactive(urls, accessTokens);
                long lostRefresh = 0;
                for (int i = 0; i < load.currentRefreshTokens.size(); i++) {
                    String refresh = load.currentRefreshTokens.get(i);
                    Http.Reply refreshed = new Tokens(urls.get(i % NODES)).refresh("portal",
                            MixedWorkload.PORTAL_SECRET, refresh);
                    lostRefresh += refreshed.status() == 200 ? 0 : 1;
                }
                long lost = lostAccess + lostRefresh;
                long checkMillis = Duration.ofNanos(System.nanoTime() - checking).toMillis();
                System.out.printf("rolling restart of %d nodes under load (durability kafka): sent %d, succeeded %d,"
                                + " failed %d, lost %d (%d access tokens and %d refresh-token families checked after"
                                + " the restarts; %d requests re-sent after a refused connection; %d requests begun"
                                + " before a SIGTERM answered; SIGTERM to exit took %s ms, start to ready %s ms,"
                                + " the check %d ms)%n",
                        NODES, figures.sent(), figures.succeeded(), figures.failed(), lost, accessTokens.size(),
                        load.currentRefreshTokens.size(), figures.rerouted(), answeredWhileStopping.size(),
                        stopMillis, startMillis, checkMillis);
                assertEquals(0, figures.failed(), "no request may fail during a rolling restart: " + problems);
                assertEquals(0, lost, lostAccess + " access tokens inactive, " + lostRefresh
                        + " refresh tokens refused after the rolling restart");
            }
        } finally {
            nodes.forEach(LanyardProcess::close);
        }
    }

    private static LanyardProcess start(int index, Map<String, String> env) {
        return LanyardProcess.start("rolling-" + index, env, SHOW_MEMBERS, "serve", "all");
    }

    /**
     * Begins a token request on {@code node} (everything but the last bytes of its body), sends SIGTERM, waits until
     * the node's port refuses new connections, then completes the request: it must be answered. Then the process
     * must log every stage of its stop, leaving Hazelcast gracefully, and exit 0.
     */
    private static LoadGenerator.Issued stopWithARequestInFlight(LanyardProcess node) throws Exception {
        byte[] body = Http.form(Http.fields("grant_type", "client_credentials", "scope", "reports.read"))
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.InFlight begun = RawHttp.begin(node.baseUrl(), "/oauth2/token", "application/x-www-form-urlencoded",
                body, body.length - 4, "Authorization: " + Http.basic("service", MixedWorkload.SERVICE_SECRET));
        node.terminate();
        Wait.until(node.name() + " to close its port", STOP, () -> !node.acceptsConnections());
        Http.Reply answer = begun.finish();
        assertEquals(200, answer.status(), "a request begun before SIGTERM must be answered: " + answer.body());
        int exit = node.awaitExit(STOP);
        String log = node.log();
        assertEquals(0, exit, node.name() + " exit code after SIGTERM:\n" + node.logTail());
        int after = 0;
        for (String stage : STAGES) {
            int at = log.indexOf(stage, after);
            assertTrue(at >= 0, node.name() + " logged no '" + stage + "' after the stages before it:\n"
                    + node.logTail());
            after = at + stage.length();
        }
        return new LoadGenerator.Issued("service", MixedWorkload.SERVICE_SECRET,
                answer.json().getString("access_token"));
    }

    /** How many of {@code tokens} no longer introspect as active, asked across the nodes in parallel. */
    private static long inactive(List<String> urls, List<LoadGenerator.Issued> tokens) throws Exception {
        ExecutorService askers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                LoadGenerator.Issued token = tokens.get(i);
                Tokens at = new Tokens(urls.get(i % urls.size()));
                answers.add(askers.submit(() -> at.active(token.client(), token.secret(), token.token())));
            }
            long inactive = 0;
            for (Future<Boolean> answer : answers) {
                inactive += answer.get() ? 0 : 1;
            }
            return inactive;
        } finally {
            askers.shutdownNow();
        }
    }
}
