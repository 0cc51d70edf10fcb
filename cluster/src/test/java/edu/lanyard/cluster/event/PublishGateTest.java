package edu.lanyard.cluster.event;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishGateTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final PublishGate gate = new PublishGate(1000, now::get);

    @Test
    void passesEverythingWhileHealthy() {
        for (int i = 0; i < 5; i++) {
            assertTrue(gate.tryPass());
        }
    }

    @Test
    void refusesForThePauseAfterAFailureThenLetsOneProbeThrough() {
        gate.failed();
        assertFalse(gate.tryPass());
        now.addAndGet(999_000_000L);
        assertFalse(gate.tryPass());
        now.addAndGet(2_000_000L);
        assertTrue(gate.tryPass(), "the probe");
        assertFalse(gate.tryPass(), "only one probe at a time");
        gate.succeeded();
        assertTrue(gate.tryPass());
        assertTrue(gate.tryPass());
    }

    @Test
    void aFailedProbeStartsAnotherPause() {
        gate.failed();
        now.addAndGet(1_001_000_000L);
        assertTrue(gate.tryPass());
        gate.failed();
        assertFalse(gate.tryPass());
        now.addAndGet(1_001_000_000L);
        assertTrue(gate.tryPass());
    }
}
