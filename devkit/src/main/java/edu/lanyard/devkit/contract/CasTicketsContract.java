package edu.lanyard.devkit.contract;

import edu.lanyard.core.cas.CasTicketIds;
import edu.lanyard.core.cas.ProxyGrantingTicketRecord;
import edu.lanyard.core.cas.ServiceTicketRecord;
import edu.lanyard.core.cas.SessionServiceEntry;
import edu.lanyard.core.store.CasTickets;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.devkit.Await;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link CasTickets} promises, in memory and on Hazelcast: a service ticket is taken once, from any node;
 * an expired one is gone; the services of a session are taken together for single logout.
 */
public abstract class CasTicketsContract {

    protected abstract CasTickets tickets();

    /** The same store as another node sees it. */
    protected CasTickets ticketsOnAnotherNode() {
        return tickets();
    }

    protected abstract Clock clock();

    private ServiceTicketRecord ticket(long lifetime) {
        long now = clock().instant().getEpochSecond();
        return new ServiceTicketRecord("https://app.example.edu/", "app", "sub-1", "tess", "sid-" + UUID.randomUUID(),
                true, now, now + lifetime, List.of());
    }

    private String saved(ServiceTicketRecord ticket) {
        String hash = TokenHash.of(CasTicketIds.mint(CasTicketIds.SERVICE));
        Await.result(tickets().save(hash, ticket));
        return hash;
    }

    @Test
    void aServiceTicketIsTakenOnceFromAnyNode() {
        ServiceTicketRecord ticket = ticket(10);
        String hash = saved(ticket);
        assertEquals(Optional.of(ticket), Await.result(ticketsOnAnotherNode().take(hash)));
        assertTrue(Await.result(tickets().take(hash)).isEmpty());
    }

    @Test
    void ofConcurrentValidationsOnlyOneGetsTheTicket() throws Exception {
        String hash = saved(ticket(10));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Optional<ServiceTicketRecord>>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                CasTickets store = i % 2 == 0 ? tickets() : ticketsOnAnotherNode();
                attempts.add(pool.submit(() -> Await.result(store.take(hash))));
            }
            int winners = 0;
            for (Future<Optional<ServiceTicketRecord>> attempt : attempts) {
                winners += attempt.get().isPresent() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTicketNeverIssuedOrAlreadyExpiredIsAbsent() {
        assertTrue(Await.result(tickets().take(TokenHash.of("ST-never"))).isEmpty());
        assertTrue(Await.result(tickets().take(saved(ticket(-5)))).isEmpty());
    }

    @Test
    void aProxyGrantingTicketStaysReadable() {
        long now = clock().instant().getEpochSecond();
        ProxyGrantingTicketRecord pgt = new ProxyGrantingTicketRecord("sub-1", "tess", "sid-1", now, now + 60,
                List.of("https://proxy.example.edu/cb"));
        String hash = TokenHash.of(CasTicketIds.mint(CasTicketIds.PROXY_GRANTING));
        Await.result(tickets().saveGranting(hash, pgt));
        assertEquals(Optional.of(pgt), Await.result(ticketsOnAnotherNode().granting(hash)));
        assertEquals(Optional.of(pgt), Await.result(tickets().granting(hash)));
        Await.result(ticketsOnAnotherNode().removeGranting(hash));
        assertTrue(Await.result(tickets().granting(hash)).isEmpty(), "removed when its session ended");
    }

    @Test
    void theServicesOfASessionAreTakenTogetherOnce() {
        String sid = "sid-" + UUID.randomUUID();
        SessionServiceEntry first = new SessionServiceEntry("a", "https://a.example.edu/", "ST-1");
        SessionServiceEntry second = new SessionServiceEntry("b", "https://b.example.edu/", "ST-2");
        Await.result(tickets().remember(sid, first, 60));
        Await.result(ticketsOnAnotherNode().remember(sid, second, 60));
        assertEquals(List.of(first, second), Await.result(tickets().takeSessionServices(sid)));
        assertEquals(List.of(), Await.result(ticketsOnAnotherNode().takeSessionServices(sid)));
    }
}
