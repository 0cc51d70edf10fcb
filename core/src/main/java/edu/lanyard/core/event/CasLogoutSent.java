package edu.lanyard.core.event;

/**
 * A CAS single-logout notice for a service that got a ticket in an ended session: {@code channel} is
 * {@code back_channel} or {@code front_channel}; {@code delivered} whether the service took it (front channel: the
 * page was shown).
 */
public record CasLogoutSent(EventMeta meta, String sessionId, String serviceId, String subject, String channel,
                            boolean delivered) implements LifecycleEvent {
    @Override
    public String key() {
        return sessionId;
    }
}
