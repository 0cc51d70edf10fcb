package edu.lanyard.devkit.memory;

import edu.lanyard.core.cas.ServiceTicketRecord;
import edu.lanyard.core.store.CasTickets;
import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.MutableClock;
import edu.lanyard.devkit.contract.CasTicketsContract;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryCasTicketsTest extends CasTicketsContract {
    private final MutableClock clock = MutableClock.atFixedInstant();
    private final MemoryCasTickets tickets = new MemoryCasTickets(clock);

    @Override
    protected CasTickets tickets() {
        return tickets;
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    @Test
    void aTicketIsGoneOnceItsLifetimeIsOver() {
        long now = clock.epochSecond();
        ServiceTicketRecord ticket = new ServiceTicketRecord("https://app/", "app", "s", "u", "sid", true, now,
                now + 10, List.of());
        Await.result(tickets.save("h", ticket));
        clock.advanceSeconds(9);
        assertTrue(Await.result(tickets.take("h")).isPresent());
        Await.result(tickets.save("h2", ticket));
        clock.advanceSeconds(1);
        assertTrue(Await.result(tickets.take("h2")).isEmpty(), "expired at its tenth second");
    }
}
