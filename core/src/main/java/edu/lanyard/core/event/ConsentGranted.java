package edu.lanyard.core.event;

/** A user consented to a client's scopes; consents are remembered {@link #LIFETIME_SECONDS} after the last one. */
public record ConsentGranted(EventMeta meta, String subject, String clientId, String scope) implements LifecycleEvent {
    public static final long LIFETIME_SECONDS = 365L * 24 * 3600;

    @Override
    public String key() {
        return subject + "/" + clientId;
    }
}
