package edu.lanyard.core.event;

/**
 * A CAS service (or proxy) ticket was issued. Carries the ticket's hash, never the ticket.
 *
 * @param kind {@code ST} or {@code PT}
 */
public record CasTicketIssued(EventMeta meta, String ticketHash, String kind, String serviceId, String subject,
                              String username, String sessionId, long expiresAt) implements LifecycleEvent {
    @Override
    public String key() {
        return sessionId;
    }
}
