package edu.lanyard.token;

import edu.lanyard.core.client.ClientAuthThrottle;
import edu.lanyard.core.client.ClientAuthenticationException;
import edu.lanyard.core.client.ClientAuthenticator;
import edu.lanyard.core.client.PresentedCredentials;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.dialects.http.Responses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Supplier;

/**
 * Client authentication for one endpoint of one mount, behind the {@link ClientAuthThrottle}: a client_id or an
 * address that failed too often is answered 429 before its credentials are looked at, and every failed
 * authentication is counted. The throttle's store is asked asynchronously; the event loop never waits on it.
 */
final class GuardedClientAuthentication {
    private final ClientAuthenticator clients;
    private final ClientAuthThrottle throttle;
    private final MeterRegistry meters;
    private final String endpoint;
    private final boolean idIgnoresCase;

    /**
     * @param endpoint      the metric name of the endpoint, e.g. {@code token} or {@code ketanyun.introspect}
     * @param idIgnoresCase the mount's product found its clients whatever the case of the client_id
     */
    GuardedClientAuthentication(ClientAuthenticator clients, ClientAuthThrottle throttle, MeterRegistry meters,
                                String endpoint, boolean idIgnoresCase) {
        this.clients = clients;
        this.throttle = throttle;
        this.meters = meters;
        this.endpoint = endpoint;
        this.idIgnoresCase = idIgnoresCase;
    }

    /**
     * The authenticated client, or a failed future: invalid_client (counted), the throttle's 429 with
     * {@code Retry-After} set on the response, or whatever reading the credentials threw (invalid_request).
     */
    Future<Client> authenticate(RoutingContext ctx, Supplier<PresentedCredentials> credentials) {
        Presented presented;
        try {
            presented = Presented.read(credentials);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        String address = Responses.clientIp(ctx);
        return throttle.check(presented.clientId(), address).compose(refusal -> {
            if (refusal.isPresent()) {
                return refuse(ctx, refusal.get());
            }
            try {
                return Future.succeededFuture(clients.authenticate(presented.orThrow(), idIgnoresCase));
            } catch (ClientAuthenticationException failed) {
                return throttle.recordFailure(presented.clientId(), address)
                        .transform(counted -> Future.failedFuture(failed));
            }
        });
    }

    private Future<Client> refuse(RoutingContext ctx, ClientAuthThrottle.Refusal refusal) {
        Counter.builder("lanyard.rate.limited")
                .description("requests refused with 429 after too many failed client authentications")
                .tag("endpoint", endpoint)
                .tag("reason", refusal.reason().tag())
                .register(meters)
                .increment();
        ctx.response().putHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
        return Future.failedFuture(OAuthError.tooManyRequests("too many failed client authentications; retry after "
                + refusal.retryAfterSeconds() + " seconds").toException());
    }

    /** Credentials as read, or the invalid_client that reading them already was (a malformed Basic header). */
    private record Presented(PresentedCredentials credentials, ClientAuthenticationException unreadable) {
        static Presented read(Supplier<PresentedCredentials> credentials) {
            try {
                return new Presented(credentials.get(), null);
            } catch (ClientAuthenticationException e) {
                return new Presented(null, e);
            }
        }

        String clientId() {
            return credentials == null ? null : credentials.clientId();
        }

        PresentedCredentials orThrow() {
            if (unreadable != null) {
                throw unreadable;
            }
            return credentials;
        }
    }
}
