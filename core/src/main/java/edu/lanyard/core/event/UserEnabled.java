package edu.lanyard.core.event;

/**
 * An operator enabled a user that was disabled: sign-in works again (nothing ended while disabled comes back).
 *
 * @param actor the operator who asked (operator API credentials, never a secret)
 */
public record UserEnabled(EventMeta meta, String subject, String username, String actor)
        implements LifecycleEvent {
    @Override
    public String key() {
        return subject;
    }
}
