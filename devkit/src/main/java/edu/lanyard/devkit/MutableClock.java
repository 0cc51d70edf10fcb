package edu.lanyard.devkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it: expiry is tested by advancing time, never by sleeping. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** A clock at a fixed, whole-second instant, so epoch-second arithmetic in tests is exact. */
    public static MutableClock atFixedInstant() {
        return new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    public void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    public void set(Instant instant) {
        now = instant;
    }

    public long epochSecond() {
        return now.getEpochSecond();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
