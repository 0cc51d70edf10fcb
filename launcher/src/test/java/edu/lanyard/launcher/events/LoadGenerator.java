package edu.lanyard.launcher.events;

import edu.lanyard.launcher.Http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Steady traffic from a few applications while a test breaks something: client-credentials tokens and rotating
 * refreshes (each thread keeps one refresh-token family alive). Counts every answer and keeps every token handed out.
 */
final class LoadGenerator implements AutoCloseable {
    /** What the applications saw. */
    record Figures(long sent, long succeeded, long unavailable, long other) {
        @Override
        public String toString() {
            return "sent " + sent + ", succeeded " + succeeded + ", failed with 503 " + unavailable
                    + ", failed otherwise " + other;
        }
    }

    private final Tokens tokens;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong other = new AtomicLong();
    /** Every access token an application received. */
    final List<String> accessTokens = Collections.synchronizedList(new ArrayList<>());
    /** The refresh token each family holds now. */
    final List<String> currentRefreshTokens = Collections.synchronizedList(new ArrayList<>());
    final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

    LoadGenerator(String base, int families) {
        this.tokens = new Tokens(base);
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
        String refresh = null;
        while (running.get() && refresh == null) {
            Http.Reply first = count(tokens.password("portal", MixedWorkload.PORTAL_SECRET, "alice", "alice-pass",
                    "profile"));
            if (first.status() == 200) {
                refresh = first.json().getString("refresh_token");
                accessTokens.add(first.json().getString("access_token"));
            }
        }
        currentRefreshTokens.add(refresh);
        while (running.get()) {
            Http.Reply machine = count(tokens.clientCredentials("service", MixedWorkload.SERVICE_SECRET,
                    "reports.read"));
            if (machine.status() == 200) {
                accessTokens.add(machine.json().getString("access_token"));
            }
            Http.Reply refreshed = count(tokens.refresh("portal", MixedWorkload.PORTAL_SECRET, refresh));
            if (refreshed.status() == 200) {
                accessTokens.add(refreshed.json().getString("access_token"));
                String next = refreshed.json().getString("refresh_token");
                currentRefreshTokens.set(currentRefreshTokens.indexOf(refresh), next);
                refresh = next;
            }
            // after a 503 the same refresh token must still work: the rotation was undone
        }
    }

    private Http.Reply count(Http.Reply reply) {
        sent.incrementAndGet();
        if (reply.status() == 200) {
            succeeded.incrementAndGet();
        } else if (reply.status() == 503) {
            unavailable.incrementAndGet();
        } else {
            other.incrementAndGet();
            unexpected.add(reply.status() + " " + reply.body());
        }
        return reply;
    }

    /** Stops the traffic and answers what it saw. */
    Figures stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        return new Figures(sent.get(), succeeded.get(), unavailable.get(), other.get());
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
