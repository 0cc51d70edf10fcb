package edu.lanyard.core.cas;

/**
 * A service that got a ticket in an SSO session, remembered for single logout. The ticket is kept because the CAS
 * logout notice names it ({@code SessionIndex}); entries live as long as a session can.
 */
public record SessionServiceEntry(String serviceId, String service, String ticket) {

    /** A proxy-granting ticket issued in the session, by hash: the session's end ends it too. */
    public static SessionServiceEntry grantingTicket(String hash) {
        return new SessionServiceEntry(null, null, hash);
    }

    /** Whether this entry is a proxy-granting ticket's hash rather than a service to notify. */
    public boolean holdsGrantingTicket() {
        return serviceId == null;
    }

    /** Never prints the ticket. */
    @Override
    public String toString() {
        return "SessionServiceEntry[" + serviceId + "]";
    }
}
