package edu.lanyard.authorize.cas;

import edu.lanyard.core.cas.CasService;
import edu.lanyard.core.cas.CasTicketIds;
import edu.lanyard.core.cas.ServiceTicketRecord;
import edu.lanyard.core.logging.LogRedactor;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.dialects.cas.protocol.CasErrorCode;
import edu.lanyard.dialects.cas.protocol.CasResponses;
import edu.lanyard.dialects.cas.protocol.CasValidation;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * {@code /proxy?pgt=…&targetService=…} (CAS Protocol 3.0 §2.7): a proxy-granting ticket buys a proxy ticket
 * ({@code PT-}) for a registered target service, carrying the proxy chain.
 */
final class CasProxyEndpoint implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(CasProxyEndpoint.class);

    private final Platform platform;
    private final CasEvents events;
    private final long lifetimeSeconds;

    CasProxyEndpoint(Platform platform, CasEvents events, long lifetimeSeconds) {
        this.platform = platform;
        this.events = events;
        this.lifetimeSeconds = lifetimeSeconds;
    }

    @Override
    public void handle(RoutingContext ctx) {
        boolean json;
        String pgt;
        String target;
        try {
            CasParams params = new CasParams(ctx);
            json = params.one("format").map(f -> f.equalsIgnoreCase("JSON")).orElse(false);
            pgt = params.one("pgt").orElse(null);
            target = params.one("targetService").orElse(null);
        } catch (CasParams.Malformed malformed) {
            fail(ctx, false, CasErrorCode.INVALID_REQUEST, malformed.getMessage());
            return;
        }
        if (pgt == null || target == null || pgt.isEmpty() || target.isEmpty()) {
            fail(ctx, json, CasErrorCode.INVALID_REQUEST, "pgt and targetService are required");
            return;
        }
        if (!CasTicketIds.wellFormed(pgt) || !pgt.startsWith(CasTicketIds.PROXY_GRANTING)) {
            fail(ctx, json, CasErrorCode.INVALID_TICKET, "the proxy-granting ticket is not one this server issued");
            return;
        }
        Optional<CasService> service = platform.casServices().find(target);
        if (service.isEmpty()) {
            fail(ctx, json, CasErrorCode.INVALID_SERVICE, "the target service is not registered");
            return;
        }
        String ip = Responses.clientIp(ctx);
        platform.casTickets().granting(TokenHash.of(pgt)).compose(found -> {
            if (found.isEmpty()) {
                fail(ctx, json, CasErrorCode.INVALID_TICKET, "the proxy-granting ticket is unknown or expired");
                return Future.succeededFuture();
            }
            var granting = found.get();
            long now = platform.clock().instant().getEpochSecond();
            String ticket = CasTicketIds.mint(CasTicketIds.PROXY);
            String hash = TokenHash.of(ticket);
            ServiceTicketRecord record = new ServiceTicketRecord(target, service.get().id(), granting.subject(),
                    granting.username(), granting.sid(), false, granting.authTime(), now + lifetimeSeconds,
                    granting.proxies());
            return events.issued(hash, record, ip, () -> platform.casTickets().save(hash, record),
                            () -> platform.casTickets().take(hash))
                    .map(v -> {
                        Responses.noStore(ctx);
                        Responses.text(ctx, 200, json ? Responses.JSON : CasValidateEndpoint.XML,
                                json ? CasResponses.proxyJson(ticket, null) : CasResponses.proxyXml(ticket, null));
                        return (Void) null;
                    });
        }).onFailure(failure -> {
            LOG.error("proxy ticket not issued", LogRedactor.scrub(failure));
            fail(ctx, json, CasErrorCode.INTERNAL_ERROR, "the proxy ticket could not be issued right now");
        });
    }

    private static void fail(RoutingContext ctx, boolean json, CasErrorCode code, String description) {
        if (ctx.response().ended()) {
            return;
        }
        CasValidation.Failure failure = CasValidation.failure(code, description);
        Responses.noStore(ctx);
        Responses.text(ctx, 200, json ? Responses.JSON : CasValidateEndpoint.XML,
                json ? CasResponses.proxyJson(null, failure) : CasResponses.proxyXml(null, failure));
    }

    void failed(RoutingContext ctx) {
        fail(ctx, false, CasErrorCode.INVALID_REQUEST, "the request could not be read");
    }
}
