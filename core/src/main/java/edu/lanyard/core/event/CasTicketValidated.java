package edu.lanyard.core.event;

/**
 * A CAS ticket was presented for validation: {@code result} is {@code success} or the protocol's failure code. The
 * ticket's hash, never the ticket; subject and service are null when the ticket was unknown.
 */
public record CasTicketValidated(EventMeta meta, String ticketHash, String serviceId, String subject,
                                 String sessionId, String result) implements LifecycleEvent {
    @Override
    public String key() {
        return sessionId == null ? ticketHash : sessionId;
    }
}
