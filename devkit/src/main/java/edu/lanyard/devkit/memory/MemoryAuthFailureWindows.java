package edu.lanyard.devkit.memory;

import edu.lanyard.core.store.AuthFailureWindows;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.Optional;

/**
 * Fixed windows of failed client authentications in memory. As in the Hazelcast store the window is judged by the
 * caller's {@code now}; the store's own clock only clears a window out of memory a little after it ends.
 */
public final class MemoryAuthFailureWindows extends MemoryStore implements AuthFailureWindows {
    /** Kept a little past its end so a node whose clock lags still sees it, as in the Hazelcast store. */
    private static final long GRACE_SECONDS = 5;

    private final ExpiringEntries<Window> windows;

    public MemoryAuthFailureWindows(Clock clock) {
        this.windows = new ExpiringEntries<>(clock);
    }

    @Override
    public Future<Window> countFailure(String key, long now, long windowSeconds) {
        return answer(() -> windows.update(key, entry -> {
                if (entry == null || !entry.value().openAt(now)) {
                    return new ExpiringEntries.Entry<>(new Window(now, now + windowSeconds, 1),
                            windows.endAfterSeconds(windowSeconds + GRACE_SECONDS));
                }
                Window current = entry.value();
                return new ExpiringEntries.Entry<>(
                        new Window(current.startedAt(), current.endsAt(), current.failures() + 1), entry.endsAt());
            }).orElseThrow());
    }

    @Override
    public Future<Optional<Window>> open(String key, long now) {
        return answer(() -> windows.get(key).filter(window -> window.openAt(now)));
    }
}
