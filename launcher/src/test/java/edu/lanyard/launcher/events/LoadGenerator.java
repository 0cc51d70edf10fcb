package edu.lanyard.launcher.events;

import edu.lanyard.launcher.Http;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Steady traffic from a few applications while a test breaks something: client-credentials tokens and rotating
 * refreshes (each thread keeps one refresh-token family alive), and as the {@link Mix} says password sign-ins and
 * introspection of tokens handed out earlier. Counts every answer and the slowest one, and keeps every token handed
 * out. Requests go where a {@link Route} says: one node, or whichever node of several is up.
 */
final class LoadGenerator implements AutoCloseable {
    /**
     * What the applications saw. {@code rerouted}: requests the generator sent again elsewhere because the node it
     * picked refused the connection, so never received them (its own stale choice, not a failure of the service).
     */
    record Figures(long sent, long succeeded, long unavailable, long other, long rerouted, long slowestMillis) {
        long failed() {
            return unavailable + other;
        }

        /** What was seen since {@code earlier}, a snapshot of the same generator (the slowest answer: of all). */
        Figures since(Figures earlier) {
            return new Figures(sent - earlier.sent, succeeded - earlier.succeeded, unavailable - earlier.unavailable,
                    other - earlier.other, rerouted - earlier.rerouted, slowestMillis);
        }

        @Override
        public String toString() {
            return "sent " + sent + ", succeeded " + succeeded + ", failed with 503 " + unavailable
                    + ", failed otherwise " + other + (rerouted > 0 ? ", re-sent elsewhere after a refused"
                    + " connection " + rerouted : "") + ", slowest answer " + slowestMillis + " ms";
        }
    }

    /** What each application thread does in a round. */
    enum Mix {
        /** a client-credentials token and a refresh */
        ISSUE,
        /** the same and a password sign-in (of {@code bob}, whose tokens are kept but not refreshed) */
        ISSUE_AND_SIGN_IN,
        /** the same, an introspection of an access token handed out earlier, and every tenth round a sign-in */
        SIGN_IN_AND_INTROSPECT,
        /**
         * nothing that changes state: an introspection and a userinfo request with tokens issued before (given to
         * the constructor; issued to {@code portal} with scope {@code openid})
         */
        READ
    }

    /** Where the next request goes: the base URL of a node. */
    @FunctionalInterface
    interface Route {
        String next();
    }

    /** A token and the client it was issued to (which may introspect it). */
    record Issued(String client, String secret, String token) {
    }

    private final Route route;
    private final Mix mix;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong other = new AtomicLong();
    private final AtomicLong rerouted = new AtomicLong();
    private final AtomicLong slowestMillis = new AtomicLong();
    /** Every access token an application received. */
    final List<String> accessTokens = Collections.synchronizedList(new ArrayList<>());
    /** The same, with the client each was issued to. */
    final List<Issued> issued = Collections.synchronizedList(new ArrayList<>());
    /** The refresh token each family holds now (all of them issued to {@code portal}). */
    final List<String> currentRefreshTokens = Collections.synchronizedList(new ArrayList<>());
    final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    /** The {@code error} of every 503 answer. */
    final Set<String> unavailableErrors = ConcurrentHashMap.newKeySet();

    LoadGenerator(String base, int families) {
        this(() -> base, families, Mix.ISSUE);
    }

    /** With {@code passwordGrants} each round also signs a user in with the password grant. */
    LoadGenerator(String base, int families, boolean passwordGrants) {
        this(() -> base, families, passwordGrants ? Mix.ISSUE_AND_SIGN_IN : Mix.ISSUE);
    }

    LoadGenerator(Route route, int families, Mix mix) {
        this(route, families, mix, List.of());
    }

    /** @param earlier tokens handed out before, which the generator reads with ({@link Mix#READ}) */
    LoadGenerator(Route route, int families, Mix mix, List<Issued> earlier) {
        this.route = route;
        this.mix = mix;
        issued.addAll(earlier);
        for (int i = 0; i < families; i++) {
            int family = i;
            threads.add(new Thread(() -> run(family), "load-" + i));
        }
    }

    LoadGenerator start() {
        threads.forEach(Thread::start);
        return this;
    }

    long succeeded() {
        return succeeded.get();
    }

    long unavailable() {
        return unavailable.get();
    }

    private void run(int family) {
        if (mix == Mix.READ) {
            while (running.get()) {
                Issued earlier = introspectAnEarlierToken();
                send(tokens -> tokens.userinfo(earlier.token()));
            }
            return;
        }
        String refresh = null;
        while (running.get() && refresh == null) {
            refresh = signIn();
        }
        int slot;
        synchronized (currentRefreshTokens) {
            currentRefreshTokens.add(refresh);
            slot = currentRefreshTokens.size() - 1;
        }
        for (int round = 1; running.get(); round++) {
            if (mix == Mix.ISSUE_AND_SIGN_IN) {
                Http.Reply person = send(tokens -> tokens.password("portal", MixedWorkload.PORTAL_SECRET, "bob",
                        "bob-pass", "profile"));
                if (person != null && person.status() == 200) {
                    keep("portal", MixedWorkload.PORTAL_SECRET, person.json().getString("access_token"));
                }
            }
            Http.Reply machine = send(tokens -> tokens.clientCredentials("service", MixedWorkload.SERVICE_SECRET,
                    "reports.read"));
            if (machine != null && machine.status() == 200) {
                keep("service", MixedWorkload.SERVICE_SECRET, machine.json().getString("access_token"));
            }
            String current = refresh;
            Http.Reply refreshed = send(tokens -> tokens.refresh("portal", MixedWorkload.PORTAL_SECRET, current));
            if (refreshed != null && refreshed.status() == 200) {
                keep("portal", MixedWorkload.PORTAL_SECRET, refreshed.json().getString("access_token"));
                refresh = refreshed.json().getString("refresh_token");
                currentRefreshTokens.set(slot, refresh);
            }
            // after a 503 the same refresh token must still work: the rotation was undone
            if (mix == Mix.SIGN_IN_AND_INTROSPECT) {
                introspectAnEarlierToken();
                if (round % 10 == 0) {
                    String another = signIn();
                    if (another != null) {
                        currentRefreshTokens.add(another);
                    }
                }
            }
        }
    }

    /** A password sign-in at {@code portal}; answers its refresh token, null if it failed. */
    private String signIn() {
        Http.Reply reply = send(tokens -> tokens.password("portal", MixedWorkload.PORTAL_SECRET, "alice",
                "alice-pass", "profile"));
        if (reply == null || reply.status() != 200) {
            return null;
        }
        keep("portal", MixedWorkload.PORTAL_SECRET, reply.json().getString("access_token"));
        return reply.json().getString("refresh_token");
    }

    private void keep(String client, String secret, String accessToken) {
        accessTokens.add(accessToken);
        issued.add(new Issued(client, secret, accessToken));
    }

    /** Every token handed out lives an hour: inactive now means it was lost. Answers the token it asked about. */
    private Issued introspectAnEarlierToken() {
        Issued earlier;
        synchronized (issued) {
            earlier = issued.get(ThreadLocalRandom.current().nextInt(issued.size()));
        }
        Http.Reply reply = send(tokens -> tokens.introspect(earlier.client(), earlier.secret(), earlier.token()));
        if (reply != null && reply.status() == 200 && !reply.json().getBoolean("active")) {
            // answered, but wrongly: move it from the successes to the failures
            succeeded.decrementAndGet();
            other.incrementAndGet();
            unexpected.add("a token issued earlier introspected as inactive");
        }
        return earlier;
    }

    /**
     * Sends one request to the node the route names. A refused connection means the node never received it (the
     * route's view was stale): it goes to the next node the route names, and counts as re-sent, not as sent.
     * Anything else that goes wrong on the way is a failure. Null when no answer came.
     */
    private Http.Reply send(Function<Tokens, Http.Reply> request) {
        while (true) {
            String base = route.next();
            long start = System.nanoTime();
            try {
                Http.Reply reply = request.apply(new Tokens(base));
                slowestMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Math::max);
                return count(reply);
            } catch (IllegalStateException e) {
                if (refused(e) && running.get()) {
                    rerouted.incrementAndGet();
                    pause();
                    continue;
                }
                sent.incrementAndGet();
                other.incrementAndGet();
                unexpected.add(base + ": " + e.getMessage());
                return null;
            }
        }
    }

    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Http.Reply count(Http.Reply reply) {
        sent.incrementAndGet();
        if (reply.status() == 200) {
            succeeded.incrementAndGet();
        } else if (reply.status() == 503) {
            unavailable.incrementAndGet();
            try {
                unavailableErrors.add(reply.json().getString("error"));
            } catch (RuntimeException notJson) {
                unavailableErrors.add("(not JSON) " + reply.body());
            }
        } else {
            other.incrementAndGet();
            unexpected.add(reply.status() + " " + reply.body());
        }
        return reply;
    }

    /** What it saw so far (the counters are read one after another, so only roughly at one instant). */
    Figures figures() {
        return new Figures(sent.get(), succeeded.get(), unavailable.get(), other.get(), rerouted.get(),
                slowestMillis.get());
    }

    /** Stops the traffic and answers what it saw. */
    Figures stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        return figures();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
