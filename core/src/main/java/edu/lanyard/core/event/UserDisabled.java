package edu.lanyard.core.event;

/**
 * An operator disabled a user: sign-in is refused from now on, and the user's sessions and token families are ended
 * (each with its own {@link SessionEnded} and {@link GrantRevoked}).
 *
 * @param actor the operator who asked (operator API credentials, never a secret)
 */
public record UserDisabled(EventMeta meta, String subject, String username, String actor)
        implements LifecycleEvent {
    @Override
    public String key() {
        return subject;
    }
}
