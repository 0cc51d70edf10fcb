package edu.lanyard.launcher.token;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Bounded polling: waits for a condition instead of sleeping a fixed time and hoping. */
final class Polling {
    private Polling() {
    }

    static void until(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not reached within " + limit + ": " + what);
            }
            pause();
        }
    }

    /** The first value {@code attempt} answers that is not null. */
    static <T> T untilPresent(Duration limit, String what, Supplier<T> attempt) {
        long deadline = System.nanoTime() + limit.toNanos();
        T value;
        while ((value = attempt.get()) == null) {
            if (System.nanoTime() > deadline) {
                return fail("not reached within " + limit + ": " + what);
            }
            pause();
        }
        return value;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }
}
