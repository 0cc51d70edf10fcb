package edu.lanyard.core.event;

/**
 * An operator set a new password for a local user (and so lifted any lockout). Carries neither the password nor its
 * hash: the audit log says that it changed, who changed it, and whether Lanyard made it up.
 *
 * @param generated true when Lanyard generated the password and showed it to the operator once
 * @param actor     the operator who asked (operator API credentials, never a secret)
 */
public record PasswordReset(EventMeta meta, String subject, String username, String actor, boolean generated)
        implements LifecycleEvent {
    @Override
    public String key() {
        return subject;
    }
}
