package edu.lanyard.console;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} items, oldest dropped first: the console's hour of live samples, so that a console opened
 * now draws the last hour at once. Written by one timer, read by every open console: synchronized, and each read is
 * a copy.
 */
public final class RingBuffer<T> {
    private final Object[] items;
    private int next;
    private int size;

    public RingBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a ring buffer holds at least one item");
        }
        this.items = new Object[capacity];
    }

    public synchronized void add(T item) {
        items[next] = item;
        next = (next + 1) % items.length;
        size = Math.min(size + 1, items.length);
    }

    /** Every item held, oldest first. */
    @SuppressWarnings("unchecked")
    public synchronized List<T> snapshot() {
        List<T> copy = new ArrayList<>(size);
        int first = (next - size + items.length) % items.length;
        for (int i = 0; i < size; i++) {
            copy.add((T) items[(first + i) % items.length]);
        }
        return copy;
    }

    public synchronized int size() {
        return size;
    }

    public int capacity() {
        return items.length;
    }
}
