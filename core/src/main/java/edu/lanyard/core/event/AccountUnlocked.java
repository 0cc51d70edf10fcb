package edu.lanyard.core.event;

/**
 * The help desk lifted a user's lockout and forgot the failures counted against the account.
 *
 * @param username the canonical username, which is the lockout's account key
 * @param actor    the operator who asked (operator API credentials, never a secret)
 */
public record AccountUnlocked(EventMeta meta, String subject, String username, String actor)
        implements LifecycleEvent {
    @Override
    public String key() {
        return subject;
    }
}
