package edu.lanyard.launcher.events;

import edu.lanyard.launcher.Http;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer in front of a test cluster, as far as the test needs one: it asks every node's
 * {@code /health/ready} every 100 ms and sends each request to the next node that last answered 200. Like a real one
 * it can be a moment late: a request may still go to a node that has just begun to stop (which must answer it) or,
 * rarely, to one whose port has just closed (refused, so never received: {@link LoadGenerator} sends it elsewhere).
 */
final class ReadyNodes implements LoadGenerator.Route, AutoCloseable {
    private static final long POLL_MS = 100;

    private final List<String> nodes;
    private final java.util.Set<String> ready = ConcurrentHashMap.newKeySet();
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicBoolean polling = new AtomicBoolean(true);
    private final Thread poller;

    /** @param nodes base URLs; the same node keeps its URL across restarts */
    ReadyNodes(List<String> nodes) {
        this.nodes = List.copyOf(nodes);
        poll();
        this.poller = new Thread(() -> {
            while (polling.get()) {
                poll();
                sleep(POLL_MS);
            }
        }, "ready-nodes");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        for (String node : nodes) {
            if (isReady(node)) {
                ready.add(node);
            } else {
                ready.remove(node);
            }
        }
    }

    private static boolean isReady(String node) {
        try {
            return Http.get(node + "/health/ready", null).status() == 200;
        } catch (IllegalStateException notListening) {
            return false;
        }
    }

    /** The next ready node, in turn; waits while none is. */
    @Override
    public String next() {
        while (true) {
            List<String> now = nodes.stream().filter(ready::contains).toList();
            if (!now.isEmpty()) {
                return now.get(Math.floorMod(turn.getAndIncrement(), now.size()));
            }
            sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        polling.set(false);
        poller.join();
    }
}
