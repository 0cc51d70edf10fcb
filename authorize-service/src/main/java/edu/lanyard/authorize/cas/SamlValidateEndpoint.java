package edu.lanyard.authorize.cas;

import edu.lanyard.core.logging.LogRedactor;
import edu.lanyard.dialects.cas.protocol.CasErrorCode;
import edu.lanyard.dialects.cas.protocol.CasValidation;
import edu.lanyard.dialects.cas.protocol.Saml11Responses;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** {@code POST {p}/samlValidate?TARGET=<service>} with a SOAP body naming the ticket: SAML 1.1 validation. */
final class SamlValidateEndpoint implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(SamlValidateEndpoint.class);
    private static final String SOAP = "text/xml;charset=UTF-8";
    private static final int MAX_BODY = 16 * 1024;

    private final TicketValidator validator;
    private final Clock clock;
    private final String issuer;

    SamlValidateEndpoint(TicketValidator validator, Clock clock, String issuer) {
        this.validator = validator;
        this.clock = clock;
        this.issuer = hostOf(issuer);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String target;
        try {
            target = new CasParams(ctx).one("TARGET").orElse(null);
        } catch (CasParams.Malformed malformed) {
            fail(ctx, null, CasErrorCode.INVALID_REQUEST, malformed.getMessage(), true);
            return;
        }
        String body = ctx.body() == null || ctx.body().buffer() == null ? null
                : ctx.body().buffer().length() > MAX_BODY ? null
                : ctx.body().buffer().toString(StandardCharsets.UTF_8);
        Optional<String> ticket = Saml11Responses.artifact(body);
        if (target == null || target.isEmpty() || ticket.isEmpty()) {
            fail(ctx, target, CasErrorCode.INVALID_REQUEST, "TARGET and one AssertionArtifact are required", true);
            return;
        }
        validator.validate(new TicketValidator.Request(TicketValidator.Endpoint.SAML11, target, ticket.get(), false,
                        null, Responses.clientIp(ctx)))
                .onSuccess(result -> {
                    if (result instanceof CasValidation.Success success) {
                        Instant now = clock.instant();
                        send(ctx, Saml11Responses.success(success, target, issuer, now,
                                Instant.ofEpochSecond(success.authTime())));
                    } else {
                        CasValidation.Failure failure = (CasValidation.Failure) result;
                        fail(ctx, target, failure.code(), failure.description(), false);
                    }
                })
                .onFailure(failure -> {
                    LOG.error("SAML ticket validation failed", LogRedactor.scrub(failure));
                    fail(ctx, target, CasErrorCode.INTERNAL_ERROR, "the ticket could not be validated right now",
                            false);
                });
    }

    private void fail(RoutingContext ctx, String target, CasErrorCode code, String description, boolean requester) {
        send(ctx, Saml11Responses.failure(CasValidation.failure(code, description), target, clock.instant(),
                requester));
    }

    private static void send(RoutingContext ctx, String xml) {
        if (ctx.response().ended()) {
            return;
        }
        Responses.noStore(ctx);
        Responses.text(ctx, 200, SOAP, xml);
    }

    void failed(RoutingContext ctx) {
        fail(ctx, null, CasErrorCode.INVALID_REQUEST, "the request could not be read", true);
    }

    private static String hostOf(String issuer) {
        try {
            String host = java.net.URI.create(issuer).getHost();
            return host == null ? "localhost" : host;
        } catch (IllegalArgumentException e) {
            return "localhost";
        }
    }
}
