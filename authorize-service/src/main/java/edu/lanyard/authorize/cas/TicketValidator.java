package edu.lanyard.authorize.cas;

import edu.lanyard.core.cas.CasService;
import edu.lanyard.core.cas.CasTicketIds;
import edu.lanyard.core.cas.ServiceTicketRecord;
import edu.lanyard.core.domain.User;
import edu.lanyard.core.cas.CasServiceRegistry;
import edu.lanyard.core.store.CasTickets;
import edu.lanyard.core.user.UserLookup;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.dialects.cas.protocol.CasErrorCode;
import edu.lanyard.dialects.cas.protocol.CasValidation;
import io.vertx.core.Future;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a service or proxy ticket (CAS Protocol 3.0 §2.4–2.6). The ticket is taken out of the store first, so
 * whatever the outcome — wrong service, renew not met — it cannot be presented again (§3.1.1).
 */
final class TicketValidator {

    /** Which validation endpoint asks, which decides the tickets it takes and the attributes it releases. */
    enum Endpoint {
        /** {@code /validate}: service tickets, no attributes. */
        V1(false, false, false),
        /** {@code /serviceValidate}: service tickets; attributes released as CAS 5+ does. */
        SERVICE_V2(false, true, false),
        /** {@code /proxyValidate}: service and proxy tickets. */
        PROXY_V2(true, true, false),
        /** {@code /p3/serviceValidate}. */
        SERVICE_V3(false, true, true),
        /** {@code /p3/proxyValidate}. */
        PROXY_V3(true, true, true),
        /** {@code /samlValidate}: service tickets, attributes in the SAML 1.1 assertion. */
        SAML11(false, true, false);

        final boolean acceptsProxyTickets;
        final boolean releasesAttributes;
        final boolean authenticationAttributes;

        Endpoint(boolean acceptsProxyTickets, boolean releasesAttributes, boolean authenticationAttributes) {
            this.acceptsProxyTickets = acceptsProxyTickets;
            this.releasesAttributes = releasesAttributes;
            this.authenticationAttributes = authenticationAttributes;
        }
    }

    /** @param pgtUrl the proxy callback asked for, or null */
    record Request(Endpoint endpoint, String service, String ticket, boolean renew, String pgtUrl, String ip) {
    }

    private final CasTickets tickets;
    private final CasServiceRegistry services;
    private final UserLookup users;
    private final CasEvents events;
    private final ProxyGranting proxies;

    TicketValidator(CasTickets tickets, CasServiceRegistry services, UserLookup users, CasEvents events,
                    ProxyGranting proxies) {
        this.tickets = tickets;
        this.services = services;
        this.users = users;
        this.events = events;
        this.proxies = proxies;
    }

    Future<CasValidation> validate(Request request) {
        String ticket = request.ticket();
        if (!CasTicketIds.wellFormed(ticket)) {
            return Future.succeededFuture(CasValidation.failure(CasErrorCode.INVALID_TICKET,
                    "the ticket is not one this server issued"));
        }
        boolean proxyTicket = ticket.startsWith(CasTicketIds.PROXY);
        if (proxyTicket && !request.endpoint().acceptsProxyTickets) {
            // Left in the store: the proxy may still present it where proxy tickets are validated.
            return Future.succeededFuture(CasValidation.failure(CasErrorCode.INVALID_TICKET_SPEC,
                    "a proxy ticket is validated at proxyValidate, not here"));
        }
        if (!proxyTicket && !ticket.startsWith(CasTicketIds.SERVICE)) {
            return Future.succeededFuture(CasValidation.failure(CasErrorCode.INVALID_TICKET,
                    "the ticket is not one this server issued"));
        }
        String hash = TokenHash.of(ticket);
        return tickets.take(hash).compose(found -> {
            if (found.isEmpty()) {
                events.validated(hash, null, CasErrorCode.INVALID_TICKET.name(), request.ip());
                return Future.succeededFuture(CasValidation.failure(CasErrorCode.INVALID_TICKET,
                        "the ticket is unknown, expired or already validated"));
            }
            ServiceTicketRecord record = found.get();
            Optional<CasValidation.Failure> refusal = refusal(request, record);
            if (refusal.isPresent()) {
                events.validated(hash, record, refusal.get().code().name(), request.ip());
                return Future.succeededFuture(refusal.get());
            }
            CasService service = services.find(record.service()).orElseThrow();
            return users.bySubject(record.subject()).compose(user -> {
                if (user.isEmpty() || user.get().disabled()) {
                    events.validated(hash, record, CasErrorCode.INVALID_TICKET.name(), request.ip());
                    return Future.succeededFuture(CasValidation.failure(CasErrorCode.INVALID_TICKET,
                            "the user of this ticket can no longer sign in"));
                }
                return grantProxy(request, record, service).map(granted -> {
                    if (granted instanceof ProxyGranting.Outcome.Refused refused) {
                        events.validated(hash, record, refused.failure().code().name(), request.ip());
                        return refused.failure();
                    }
                    events.validated(hash, record, "success", request.ip());
                    return success(request, record, service, user.get(),
                            ((ProxyGranting.Outcome.Granted) granted).pgtIou());
                });
            });
        });
    }

    private Optional<CasValidation.Failure> refusal(Request request, ServiceTicketRecord record) {
        if (!record.service().equals(request.service())) {
            return Optional.of(CasValidation.failure(CasErrorCode.INVALID_SERVICE,
                    "the ticket was issued for another service"));
        }
        if (request.renew() && !record.fromNewLogin()) {
            return Optional.of(CasValidation.failure(CasErrorCode.INVALID_TICKET_SPEC,
                    "renew=true, but the ticket was not issued from a fresh sign-in"));
        }
        if (services.find(record.service()).isEmpty()) {
            return Optional.of(CasValidation.failure(CasErrorCode.INVALID_SERVICE,
                    "the service is no longer registered"));
        }
        return Optional.empty();
    }

    private Future<ProxyGranting.Outcome> grantProxy(Request request, ServiceTicketRecord record,
                                                     CasService service) {
        if (request.pgtUrl() == null) {
            return Future.succeededFuture(new ProxyGranting.Outcome.Granted(null));
        }
        return proxies.grant(request.pgtUrl(), record, service);
    }

    private CasValidation success(Request request, ServiceTicketRecord record, CasService service, User user,
                                  String pgtIou) {
        Map<String, List<String>> attributes = Map.of();
        if (request.endpoint().releasesAttributes) {
            attributes = CasAttributes.released(user, service);
        }
        if (request.endpoint().authenticationAttributes) {
            attributes = CasAttributes.withAuthentication(attributes, record.fromNewLogin(), record.authTime());
        }
        return new CasValidation.Success(record.username(), attributes, pgtIou, record.proxies(), record.authTime());
    }
}
