package edu.lanyard.authorize.cas;

import edu.lanyard.core.cas.CasService;
import edu.lanyard.core.cas.CasTicketIds;
import edu.lanyard.core.cas.ServiceTicketRecord;
import edu.lanyard.core.cas.SessionServiceEntry;
import edu.lanyard.core.store.CasTickets;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.token.TokenHash;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.List;

/**
 * Issues service tickets: {@code ST-} and 43 random URL-safe characters, single use, bound to the exact service URL,
 * stored by hash only. The session remembers each service for single logout.
 */
final class ServiceTickets {
    /** CAS's default and the spec's recommendation: a ticket is validated within seconds of the redirect. */
    static final long DEFAULT_LIFETIME_SECONDS = 10;

    private final CasTickets tickets;
    private final Clock clock;
    private final long lifetimeSeconds;
    private final CasEvents events;

    ServiceTickets(CasTickets tickets, Clock clock, long lifetimeSeconds, CasEvents events) {
        this.tickets = tickets;
        this.clock = clock;
        this.lifetimeSeconds = lifetimeSeconds;
        this.events = events;
    }

    /** The ticket for {@code serviceUrl}, once stored and remembered in the session. */
    Future<String> issue(CasService service, String serviceUrl, SessionRecord session, boolean fromNewLogin,
                         String ip) {
        long now = clock.instant().getEpochSecond();
        String ticket = CasTicketIds.mint(CasTicketIds.SERVICE);
        String hash = TokenHash.of(ticket);
        ServiceTicketRecord record = new ServiceTicketRecord(serviceUrl, service.id(), session.subject(),
                session.username(), session.sid(), fromNewLogin, session.authTime(), now + lifetimeSeconds,
                List.of());
        long sessionLeft = Math.max(1, session.absoluteExpiresAt() - now);
        return events.issued(hash, record, ip, () -> tickets.save(hash, record), () -> tickets.take(hash))
                .compose(v -> service.logoutType() == CasService.LogoutType.NONE ? Future.succeededFuture()
                        : tickets.remember(session.sid(),
                        new SessionServiceEntry(service.id(), serviceUrl, ticket), sessionLeft))
                .map(ticket);
    }
}
