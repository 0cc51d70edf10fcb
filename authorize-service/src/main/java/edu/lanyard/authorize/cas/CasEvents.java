package edu.lanyard.authorize.cas;

import edu.lanyard.core.cas.ServiceTicketRecord;
import edu.lanyard.core.event.CasLogoutSent;
import edu.lanyard.core.event.CasTicketIssued;
import edu.lanyard.core.event.CasTicketValidated;
import edu.lanyard.core.ledger.Ledger;
import io.vertx.core.Future;

import java.util.function.Supplier;

/**
 * The CAS protocol's lifecycle events, through the Ledger: an issued ticket is a decision that must not exist
 * without its event (like a code); a validation and a logout notice are notes (published without waiting).
 */
final class CasEvents {
    private final Ledger ledger;

    CasEvents(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Stores a ticket and logs its issue together: if either fails, the stored ticket is taken back and the issue
     * fails, so no ticket exists without its event (and none is sent).
     */
    Future<Void> issued(String hash, ServiceTicketRecord ticket, String ip, Supplier<Future<Void>> store,
                        Supplier<Future<?>> undo) {
        String kind = ticket.viaProxy() ? "PT" : "ST";
        return ledger.grant(Ledger.by(ip, meta -> new CasTicketIssued(meta, hash, kind, ticket.serviceId(),
                ticket.subject(), ticket.username(), ticket.sid(), ticket.expiresAt())), store, undo);
    }

    void validated(String hash, ServiceTicketRecord ticket, String result, String ip) {
        ledger.note(Ledger.by(ip, meta -> new CasTicketValidated(meta, hash,
                ticket == null ? null : ticket.serviceId(), ticket == null ? null : ticket.subject(),
                ticket == null ? null : ticket.sid(), result)));
    }

    void logoutSent(String sid, String serviceId, String subject, String channel, boolean delivered) {
        ledger.note(Ledger.by(null, meta -> new CasLogoutSent(meta, sid, serviceId, subject, channel, delivered)));
    }
}
