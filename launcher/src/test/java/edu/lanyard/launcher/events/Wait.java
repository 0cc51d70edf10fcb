package edu.lanyard.launcher.events;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Bounded polling: no test sleeps a fixed time and hopes. */
final class Wait {
    private Wait() {
    }

    static void until(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not there yet (a query against a paused database, say); try again until the deadline
            }
            if (System.nanoTime() > deadline) {
                fail("timed out after " + within.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
