package edu.lanyard.core.store;

import edu.lanyard.core.cas.ProxyGrantingTicketRecord;
import edu.lanyard.core.cas.ServiceTicketRecord;
import edu.lanyard.core.cas.SessionServiceEntry;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;

/**
 * CAS protocol tickets by hash: service and proxy tickets (single use), proxy-granting tickets, and per SSO session
 * the services that got a ticket, for single logout. Implemented over Hazelcast in the cluster module (so any node
 * validates any ticket), and in memory for unit tests.
 */
public interface CasTickets {

    /** Keeps a service or proxy ticket until its {@code expiresAt}. */
    Future<Void> save(String hash, ServiceTicketRecord ticket);

    /** Takes the ticket out of the store in one atomic step: a second validation finds nothing. */
    Future<Optional<ServiceTicketRecord>> take(String hash);

    Future<Void> saveGranting(String hash, ProxyGrantingTicketRecord ticket);

    /** A proxy-granting ticket stays usable until it expires or is removed (its session ended). */
    Future<Optional<ProxyGrantingTicketRecord>> granting(String hash);

    Future<Void> removeGranting(String hash);

    /** Remembers that a service got a ticket in session {@code sid}, for {@code ttlSeconds}. */
    Future<Void> remember(String sid, SessionServiceEntry entry, long ttlSeconds);

    /** Takes every service remembered for {@code sid} (a logout notifies each once). */
    Future<List<SessionServiceEntry>> takeSessionServices(String sid);
}
