package edu.lanyard.dialects;

import edu.lanyard.core.client.ClientAuthenticationException;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.logging.LogRedactor;
import edu.lanyard.dialects.http.EdgeErrors;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * Runs an endpoint's work and answers in the dialect's shape, whether the work throws, fails its future or
 * succeeds. Unexpected failures are logged here and answered as server_error without internals.
 */
public final class DialectResponder {
    private static final Logger LOG = LoggerFactory.getLogger(DialectResponder.class);

    private DialectResponder() {
    }

    public static <T> void respond(RoutingContext ctx, Dialect dialect, Callable<Future<T>> work,
                                   BiConsumer<RoutingContext, T> render) {
        Future<T> result;
        try {
            result = work.call();
        } catch (Exception e) {
            result = Future.failedFuture(e);
        }
        result.onComplete(done -> {
            if (done.succeeded()) {
                render.accept(ctx, done.result());
            } else {
                dialect.renderError(ctx, errorOf(done.cause()));
            }
        });
    }

    /**
     * The error to answer {@code failure} with. A server-side failure that is not an OAuth decision is logged,
     * redacted: the messages of library exceptions quote request URLs and bodies, with whatever credentials they
     * carry. A request the client got wrong is only answered.
     */
    public static OAuthError errorOf(Throwable failure) {
        if (failure instanceof ClientAuthenticationException auth) {
            return auth.error();
        }
        OAuthError error = EdgeErrors.of(failure);
        if (error.status() == 500) {
            LOG.error("unexpected failure", LogRedactor.scrub(failure));
        } else if (!(failure instanceof OAuthException) && error.status() >= 500) {
            LOG.warn("answered {}: {}", error.error(), LogRedactor.redact(failure.getMessage()));
        }
        return error;
    }
}
