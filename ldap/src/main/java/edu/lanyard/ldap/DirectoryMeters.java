package edu.lanyard.ldap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;

/**
 * {@code lanyard.directory.binds}: how long the directory took to judge a password, by outcome, so a slow or refusing
 * directory shows on the dashboard before people call the help desk. Every outcome is registered at zero.
 */
final class DirectoryMeters {
    enum Outcome {
        SUCCESS, BAD_CREDENTIALS, NOT_FOUND, REFUSED, UNREACHABLE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    DirectoryMeters(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            timer(outcome);
        }
    }

    void record(Outcome outcome, Duration took) {
        timer(outcome).record(took);
    }

    private Timer timer(Outcome outcome) {
        return Timer.builder("lanyard.directory.binds")
                .description("Campus directory sign-ins (search and bind), by outcome")
                .tag("outcome", outcome.tag())
                .register(registry);
    }
}
