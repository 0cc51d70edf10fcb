package edu.lanyard.core.event;

/**
 * Brute-force throttling locked a username or an address.
 *
 * @param target      the username or IP address that is locked
 * @param targetKind  {@code user} or {@code ip}
 * @param lockedUntil epoch seconds
 */
public record AccountLocked(EventMeta meta, String target, String targetKind, int failures, long lockedUntil)
        implements LifecycleEvent {
    @Override
    public String key() {
        return target;
    }
}
