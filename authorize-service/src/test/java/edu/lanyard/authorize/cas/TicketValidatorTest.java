package edu.lanyard.authorize.cas;

import edu.lanyard.core.cas.CasService;
import edu.lanyard.core.cas.CasServiceRegistry;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.domain.RedirectUriMatch;
import edu.lanyard.core.event.CasTicketIssued;
import edu.lanyard.core.event.CasTicketValidated;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.MutableClock;
import edu.lanyard.devkit.memory.MemoryCasTickets;
import edu.lanyard.devkit.memory.MemoryUsers;
import edu.lanyard.devkit.memory.RecordingEventPublisher;
import edu.lanyard.dialects.cas.protocol.CasErrorCode;
import edu.lanyard.dialects.cas.protocol.CasValidation;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issuing and validating service tickets on the in-memory stores and a settable clock. */
class TicketValidatorTest {
    private static final String APP = "https://app.example.edu/portal";
    private final MutableClock clock = MutableClock.atFixedInstant();
    private final MemoryCasTickets store = new MemoryCasTickets(clock);
    private final MemoryUsers users = new MemoryUsers();
    private final RecordingEventPublisher log = new RecordingEventPublisher();
    private final CasEvents events = new CasEvents(new Ledger(LanyardConfig.Durability.KAFKA, log, clock));
    private final List<CasService> registered = new java.util.ArrayList<>(List.of(
            new CasService("app", "Portal", "https://app.example.edu/", RedirectUriMatch.PREFIX, null, false, null,
                    null, CasService.LogoutType.BACK_CHANNEL),
            new CasService("mail", null, "https://mail.example.edu/", RedirectUriMatch.PREFIX, List.of("email"),
                    false, null, null, CasService.LogoutType.NONE)));
    private final CasServiceRegistry services = new CasServiceRegistry() {
        @Override
        public Optional<CasService> find(String url) {
            return registered.stream().filter(s -> s.accepts(url)).findFirst();
        }

        @Override
        public Collection<CasService> all() {
            return registered;
        }
    };
    private final ServiceTickets tickets = new ServiceTickets(store, clock, 10, events);
    private final TicketValidator validator = new TicketValidator(store, services, users, events, null);
    private final SessionRecord session;

    TicketValidatorTest() {
        users.add("tess", "pw");
        long now = clock.epochSecond();
        session = new SessionRecord("sid-1", "sub-tess", "tess", now - 100, now + 3600);
    }

    private String issue(String service, boolean fromNewLogin) {
        return Await.result(tickets.issue(services.find(service).orElseThrow(), service, session, fromNewLogin,
                "127.0.0.1"));
    }

    private CasValidation validate(TicketValidator.Endpoint endpoint, String service, String ticket, boolean renew) {
        return Await.result(validator.validate(new TicketValidator.Request(endpoint, service, ticket, renew, null,
                "127.0.0.1")));
    }

    private static CasErrorCode code(CasValidation result) {
        return assertInstanceOf(CasValidation.Failure.class, result).code();
    }

    @Test
    void aTicketIsValidOnceForItsServiceWithAuthenticationAttributes() {
        String ticket = issue(APP, true);
        assertTrue(ticket.matches("ST-[A-Za-z0-9_-]{43}"), ticket);
        CasValidation.Success success = assertInstanceOf(CasValidation.Success.class,
                validate(TicketValidator.Endpoint.SERVICE_V3, APP, ticket, false));
        assertEquals("tess", success.user());
        assertEquals(List.of("tess@example.edu"), success.attributes().get("email"));
        assertEquals(List.of("true"), success.attributes().get("isFromNewLogin"));
        assertEquals(List.of(clock.instant().minusSeconds(100).toString()),
                success.attributes().get("authenticationDate"));
        assertEquals(CasErrorCode.INVALID_TICKET, code(validate(TicketValidator.Endpoint.SERVICE_V3, APP, ticket,
                false)), "replayed");
        assertEquals(1, log.published(CasTicketIssued.class).size());
        assertEquals(List.of("success", "INVALID_TICKET"), log.published(CasTicketValidated.class).stream()
                .map(CasTicketValidated::result).toList());
        assertFalse(log.published().toString().contains(ticket), "events carry hashes, never the ticket");
    }

    @Test
    void aTicketExpiresAfterTenSeconds() {
        String ticket = issue(APP, true);
        clock.advanceSeconds(9);
        assertInstanceOf(CasValidation.Success.class, validate(TicketValidator.Endpoint.SERVICE_V2, APP, ticket,
                false));
        String late = issue(APP, true);
        clock.advanceSeconds(10);
        assertEquals(CasErrorCode.INVALID_TICKET, code(validate(TicketValidator.Endpoint.SERVICE_V2, APP, late,
                false)));
    }

    @Test
    void anotherServiceUsesTheTicketUp() {
        String ticket = issue(APP, true);
        assertEquals(CasErrorCode.INVALID_SERVICE, code(validate(TicketValidator.Endpoint.SERVICE_V2,
                "https://app.example.edu/other", ticket, false)));
        assertEquals(CasErrorCode.INVALID_TICKET, code(validate(TicketValidator.Endpoint.SERVICE_V2, APP, ticket,
                false)));
    }

    @Test
    void renewNeedsATicketFromAFreshSignIn() {
        assertEquals(CasErrorCode.INVALID_TICKET_SPEC, code(validate(TicketValidator.Endpoint.SERVICE_V2, APP,
                issue(APP, false), true)));
        assertInstanceOf(CasValidation.Success.class, validate(TicketValidator.Endpoint.SERVICE_V2, APP,
                issue(APP, true), true));
    }

    @Test
    void proxyTicketsAreOnlyForProxyValidate() {
        assertEquals(CasErrorCode.INVALID_TICKET_SPEC, code(validate(TicketValidator.Endpoint.SERVICE_V2, APP,
                "PT-" + "a".repeat(43), false)));
        assertEquals(CasErrorCode.INVALID_TICKET, code(validate(TicketValidator.Endpoint.PROXY_V2, APP,
                "PT-" + "a".repeat(43), false)));
        assertEquals(CasErrorCode.INVALID_TICKET, code(validate(TicketValidator.Endpoint.PROXY_V2, APP,
                "TGT-" + "a".repeat(43), false)));
        assertEquals(CasErrorCode.INVALID_TICKET, code(validate(TicketValidator.Endpoint.PROXY_V2, APP,
                "ST-<script>", false)));
    }

    @Test
    void attributesFollowTheServicesListAndVersion() {
        String mail = "https://mail.example.edu/";
        CasValidation.Success limited = assertInstanceOf(CasValidation.Success.class,
                validate(TicketValidator.Endpoint.SERVICE_V2, mail, issue(mail, true), false));
        assertEquals(java.util.Map.of("email", List.of("tess@example.edu")), limited.attributes());
        CasValidation.Success v1 = assertInstanceOf(CasValidation.Success.class,
                validate(TicketValidator.Endpoint.V1, APP, issue(APP, true), false));
        assertTrue(v1.attributes().isEmpty());
    }

    @Test
    void aDisabledUserOrAnUnregisteredServiceFails() {
        String ticket = issue(APP, true);
        users.disable("sub-tess");
        assertEquals(CasErrorCode.INVALID_TICKET, code(validate(TicketValidator.Endpoint.SERVICE_V2, APP, ticket,
                false)));
        String other = issue("https://mail.example.edu/", true);
        registered.remove(1);
        assertEquals(CasErrorCode.INVALID_SERVICE, code(validate(TicketValidator.Endpoint.SERVICE_V2,
                "https://mail.example.edu/", other, false)));
    }

    @Test
    void aRefusedEventLogIssuesNoTicket() {
        log.goDown();
        Await.failure(tickets.issue(services.find(APP).orElseThrow(), APP, session, true, "ip"));
        assertEquals(0, store.pending(), "the stored ticket was taken back");
        assertEquals(List.of(), Await.result(store.takeSessionServices("sid-1")), "nothing remembered either");
    }

    @Test
    void theTicketGoesIntoTheQueryBeforeAnyFragment() {
        assertEquals("https://a/x?ticket=ST-1", CasProtocolLogin.withTicket("https://a/x", "ST-1"));
        assertEquals("https://a/x?y=1&ticket=ST-1#f", CasProtocolLogin.withTicket("https://a/x?y=1#f", "ST-1"));
    }
}
