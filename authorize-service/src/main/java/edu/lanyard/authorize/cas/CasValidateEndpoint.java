package edu.lanyard.authorize.cas;

import edu.lanyard.core.logging.LogRedactor;
import edu.lanyard.dialects.cas.protocol.CasErrorCode;
import edu.lanyard.dialects.cas.protocol.CasResponses;
import edu.lanyard.dialects.cas.protocol.CasValidation;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /validate}, {@code /serviceValidate}, {@code /proxyValidate} and their {@code /p3/} forms. Every answer,
 * failures included, is 200 in the endpoint's shape (CAS 1.0 text, XML, or JSON with {@code format=JSON}), as the
 * CAS clients expect; a request that cannot be read is {@code INVALID_REQUEST}, never a 500.
 */
final class CasValidateEndpoint implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(CasValidateEndpoint.class);
    static final String XML = "application/xml;charset=UTF-8";
    static final String TEXT = "text/plain;charset=UTF-8";

    private final TicketValidator.Endpoint endpoint;
    private final TicketValidator validator;

    CasValidateEndpoint(TicketValidator.Endpoint endpoint, TicketValidator validator) {
        this.endpoint = endpoint;
        this.validator = validator;
    }

    @Override
    public void handle(RoutingContext ctx) {
        boolean json = wantsJson(ctx);
        TicketValidator.Request request;
        try {
            CasParams params = new CasParams(ctx);
            String service = params.one("service").orElse(null);
            String ticket = params.one("ticket").orElse(null);
            boolean renew = params.flag("renew");
            String pgtUrl = endpoint == TicketValidator.Endpoint.V1 ? null : params.one("pgtUrl").orElse(null);
            if (service == null || ticket == null || service.isEmpty() || ticket.isEmpty()) {
                answer(ctx, json, CasValidation.failure(CasErrorCode.INVALID_REQUEST,
                        "service and ticket are required"));
                return;
            }
            request = new TicketValidator.Request(endpoint, service, ticket, renew, pgtUrl, Responses.clientIp(ctx));
        } catch (CasParams.Malformed malformed) {
            answer(ctx, json, CasValidation.failure(CasErrorCode.INVALID_REQUEST, malformed.getMessage()));
            return;
        }
        validator.validate(request)
                .onSuccess(result -> answer(ctx, json, result))
                .onFailure(failure -> {
                    LOG.error("ticket validation failed", LogRedactor.scrub(failure));
                    answer(ctx, json, CasValidation.failure(CasErrorCode.INTERNAL_ERROR,
                            "the ticket could not be validated right now; try again"));
                });
    }

    /** {@code format=JSON} (any case); a repeated or unreadable format falls back to XML. */
    private boolean wantsJson(RoutingContext ctx) {
        if (endpoint == TicketValidator.Endpoint.V1) {
            return false;
        }
        try {
            return new CasParams(ctx).one("format").map(f -> f.equalsIgnoreCase("JSON")).orElse(false);
        } catch (CasParams.Malformed malformed) {
            return false;
        }
    }

    void answer(RoutingContext ctx, boolean json, CasValidation result) {
        if (ctx.response().ended()) {
            return;
        }
        Responses.noStore(ctx);
        if (endpoint == TicketValidator.Endpoint.V1) {
            Responses.text(ctx, 200, TEXT, CasResponses.text(result));
        } else if (json) {
            Responses.text(ctx, 200, Responses.JSON, CasResponses.json(result, endpoint.releasesAttributes));
        } else {
            Responses.text(ctx, 200, XML, CasResponses.xml(result, endpoint.releasesAttributes));
        }
    }

    /** The route's failure handler: whatever failed before or around the handler still gets the CAS shape. */
    void failed(RoutingContext ctx) {
        answer(ctx, false, CasValidation.failure(ctx.statusCode() >= 500 || ctx.statusCode() < 400
                ? CasErrorCode.INTERNAL_ERROR : CasErrorCode.INVALID_REQUEST, "the request could not be read"));
    }
}
