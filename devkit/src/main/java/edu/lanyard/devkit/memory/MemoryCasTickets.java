package edu.lanyard.devkit.memory;

import edu.lanyard.core.cas.ProxyGrantingTicketRecord;
import edu.lanyard.core.cas.ServiceTicketRecord;
import edu.lanyard.core.cas.SessionServiceEntry;
import edu.lanyard.core.store.CasTickets;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** CAS tickets in memory, expiring on the injected clock. */
public final class MemoryCasTickets extends MemoryStore implements CasTickets {
    private final ExpiringEntries<ServiceTicketRecord> tickets;
    private final ExpiringEntries<ProxyGrantingTicketRecord> granting;
    private final ExpiringEntries<List<SessionServiceEntry>> sessionServices;

    private final Clock clock;

    public MemoryCasTickets(Clock clock) {
        this.clock = clock;
        this.tickets = new ExpiringEntries<>(clock);
        this.granting = new ExpiringEntries<>(clock);
        this.sessionServices = new ExpiringEntries<>(clock);
    }

    @Override
    public Future<Void> save(String hash, ServiceTicketRecord ticket) {
        return run(() -> tickets.put(hash, ticket, tickets.endAtEpochSecond(ticket.expiresAt())));
    }

    @Override
    public Future<Optional<ServiceTicketRecord>> take(String hash) {
        return answer(() -> tickets.remove(hash).filter(t -> t.expiresAt() > clock.instant().getEpochSecond()));
    }

    @Override
    public Future<Void> saveGranting(String hash, ProxyGrantingTicketRecord ticket) {
        return run(() -> granting.put(hash, ticket, granting.endAtEpochSecond(ticket.expiresAt())));
    }

    @Override
    public Future<Optional<ProxyGrantingTicketRecord>> granting(String hash) {
        return answer(() -> granting.get(hash).filter(t -> t.expiresAt() > clock.instant().getEpochSecond()));
    }

    @Override
    public Future<Void> removeGranting(String hash) {
        return run(() -> granting.remove(hash));
    }

    @Override
    public Future<Void> remember(String sid, SessionServiceEntry entry, long ttlSeconds) {
        return run(() -> sessionServices.compute(sid, before -> {
            List<SessionServiceEntry> list = before == null ? new ArrayList<>() : new ArrayList<>(before.value());
            list.add(entry);
            return new ExpiringEntries.Entry<>(List.copyOf(list), sessionServices.endAfterSeconds(ttlSeconds));
        }));
    }

    @Override
    public Future<List<SessionServiceEntry>> takeSessionServices(String sid) {
        return answer(() -> sessionServices.remove(sid).orElse(List.of()));
    }

    /** How many service or proxy tickets wait for validation. */
    public int pending() {
        return tickets.size();
    }
}
