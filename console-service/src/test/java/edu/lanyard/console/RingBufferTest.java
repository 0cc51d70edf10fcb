package edu.lanyard.console;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RingBufferTest {
    @Test
    void holdsWhatWasAddedOldestFirstUntilFull() {
        RingBuffer<Integer> ring = new RingBuffer<>(3);
        assertEquals(List.of(), ring.snapshot());
        ring.add(1);
        ring.add(2);
        assertEquals(List.of(1, 2), ring.snapshot());
        assertEquals(2, ring.size());
    }

    @Test
    void dropsTheOldestOnceFull() {
        RingBuffer<Integer> ring = new RingBuffer<>(3);
        IntStream.rangeClosed(1, 7).forEach(ring::add);
        assertEquals(List.of(5, 6, 7), ring.snapshot());
        assertEquals(3, ring.size());
        assertEquals(3, ring.capacity());
    }

    @Test
    void aSnapshotIsACopy() {
        RingBuffer<Integer> ring = new RingBuffer<>(2);
        ring.add(1);
        List<Integer> before = ring.snapshot();
        ring.add(2);
        ring.add(3);
        assertEquals(List.of(1), before);
        assertEquals(List.of(2, 3), ring.snapshot());
    }

    @Test
    void anHourOfFiveSecondSamplesIsKept() {
        assertEquals(720, LiveFeed.HISTORY);
        RingBuffer<Integer> ring = new RingBuffer<>(LiveFeed.HISTORY);
        IntStream.range(0, 1000).forEach(ring::add);
        List<Integer> held = ring.snapshot();
        assertEquals(720, held.size());
        assertEquals(280, held.get(0));
        assertEquals(999, held.get(719));
    }

    @Test
    void aBufferHoldsSomething() {
        assertThrows(IllegalArgumentException.class, () -> new RingBuffer<Integer>(0));
    }
}
