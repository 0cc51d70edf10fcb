package edu.lanyard.token;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.dialects.Dialect;
import edu.lanyard.dialects.DialectResponder;
import edu.lanyard.dialects.TokenResult;
import edu.lanyard.dialects.http.HttpMetrics;
import edu.lanyard.dialects.http.Responses;
import edu.lanyard.token.grant.Grant;
import edu.lanyard.token.grant.GrantContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RFC 6749 §3.2: reads the request as its dialect says, authenticates the client, and hands it to the grant. The
 * grants never learn which dialect called them.
 */
public final class TokenEndpoint implements Handler<RoutingContext> {
    private final Dialect dialect;
    private final GuardedClientAuthentication clients;
    private final Map<GrantType, Grant> grants = new EnumMap<>(GrantType.class);
    private final MeterRegistry meters;
    private final Map<GrantType, Map<String, Counter>> issued = new EnumMap<>(GrantType.class);

    TokenEndpoint(Dialect dialect, GuardedClientAuthentication clients, List<Grant> grants, MeterRegistry meters) {
        this.dialect = dialect;
        this.clients = clients;
        grants.forEach(grant -> this.grants.put(grant.type(), grant));
        this.grants.keySet().forEach(type -> issued.put(type, new ConcurrentHashMap<>()));
        this.meters = meters;
    }

    @Override
    public void handle(RoutingContext ctx) {
        DialectResponder.respond(ctx, dialect, () -> exchange(ctx), dialect::renderToken);
    }

    private Future<TokenResult> exchange(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.GET && !dialect.acceptsGetAtTokenEndpoint()) {
            throw OAuthError.invalidRequest("the token endpoint accepts POST only").toException();
        }
        RequestParams params = FormBodies.read(ctx, dialect);
        Future<TokenResult> result;
        try {
            result = exchange(ctx, params);
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        return result.recover(failure -> Future.failedFuture(
                new OAuthException(dialect.tokenError(params, DialectResponder.errorOf(failure)))));
    }

    private Future<TokenResult> exchange(RoutingContext ctx, RequestParams params) {
        return clients.authenticate(ctx, () -> dialect.credentials(ctx, params))
                .compose(client -> exchange(ctx, params, client));
    }

    private Future<TokenResult> exchange(RoutingContext ctx, RequestParams params, Client client) {
        String grantName = params.first("grant_type").orElse(dialect.defaultGrantType());
        if (grantName == null) {
            throw OAuthError.invalidRequest("missing parameter: grant_type").toException();
        }
        Optional<GrantType> supported = GrantType.fromWire(grantName).filter(grants::containsKey);
        // A metric tag must come from a closed set: grant_type is whatever the client sent.
        HttpMetrics.grant(ctx, supported.map(GrantType::wireName).orElse("unsupported"));
        dialect.precheckTokenRequest(params);
        GrantType type = supported.orElseThrow(() ->
                OAuthError.unsupportedGrantType("unsupported grant_type: " + grantName).toException());
        if (!client.allows(type)) {
            throw OAuthError.unauthorizedClient("this client may not use " + grantName).toException();
        }
        return grants.get(type).handle(new GrantContext(client, params, dialect.tokenFormat(),
                        Responses.clientIp(ctx)))
                .map(response -> new TokenResult(client, grantName, response))
                .onSuccess(issued -> countIssued(type, client));
    }

    /** Tagged with the grant the client used: a refresh counts as refresh_token, not as the grant it continues. */
    private void countIssued(GrantType type, Client client) {
        Map<String, Counter> byClient = issued.get(type);
        Counter counter = byClient.get(client.clientId());
        if (counter == null) {
            // Built once per grant and client (both closed sets: the grants mounted, the clients imported).
            counter = byClient.computeIfAbsent(client.clientId(), id -> Counter.builder("lanyard.tokens.issued")
                    .description("Token responses issued, by the grant the client used and by client")
                    .tag("grant", type.wireName())
                    .tag("client", id)
                    .register(meters));
        }
        counter.increment();
    }
}
