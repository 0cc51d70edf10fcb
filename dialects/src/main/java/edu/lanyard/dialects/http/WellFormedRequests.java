package edu.lanyard.dialects.http;

import edu.lanyard.core.error.MalformedRequestException;
import edu.lanyard.core.error.OAuthError;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * The one place where a request's path, query string and form body are checked before any endpoint reads them
 * (route it right after the body handler): bad percent-encoding, bytes that are not UTF-8 and NUL characters fail
 * the request with status 400 and a {@link MalformedRequestException}, which the failure handlers answer in the
 * endpoint's own error shape. Without it the query string is decoded lazily by whichever handler asks first, and a
 * bad escape surfaces there as an exception quoting the whole URL.
 */
public final class WellFormedRequests implements Handler<RoutingContext> {
    private static final String CHECKED = WellFormedRequests.class.getName();

    @Override
    public void handle(RoutingContext ctx) {
        Optional<String> problem = problem(ctx);
        if (problem.isPresent()) {
            ctx.fail(400, new MalformedRequestException(problem.get()));
        } else {
            ctx.put(CHECKED, Boolean.TRUE);
            ctx.next();
        }
    }

    /** What is wrong with the request, as a description for the client; empty when it can be read. */
    static Optional<String> problem(RoutingContext ctx) {
        Optional<String> path = UrlEncoding.problem(ctx.request().path());
        if (path.isPresent()) {
            return Optional.of("the path has " + path.get());
        }
        Optional<String> query = UrlEncoding.problem(ctx.request().query());
        if (query.isPresent()) {
            return Optional.of("the query string has " + query.get());
        }
        try {
            ctx.queryParams();
        } catch (RuntimeException e) {
            return Optional.of("the query string cannot be decoded");
        }
        if (MediaTypes.isForm(ctx.request().getHeader("Content-Type"))) {
            Buffer body = ctx.body() == null ? null : ctx.body().buffer();
            Optional<String> form = body == null ? Optional.empty() : UrlEncoding.problem(body.getBytes());
            if (form.isPresent()) {
                return Optional.of("the form body has " + form.get());
            }
        }
        return Optional.empty();
    }

    /**
     * The decoded query parameters for an endpoint. Behind this handler they always decode; an endpoint reached
     * some other way still gets an invalid_request instead of the library's exception.
     */
    public static MultiMap query(RoutingContext ctx) {
        Optional<String> problem = Boolean.TRUE.equals(ctx.get(CHECKED)) ? Optional.empty()
                : UrlEncoding.problem(ctx.request().query());
        if (problem.isPresent()) {
            throw OAuthError.invalidRequest("the query string has " + problem.get()).toException();
        }
        try {
            return ctx.queryParams();
        } catch (RuntimeException e) {
            throw OAuthError.invalidRequest("the query string cannot be decoded").toException();
        }
    }
}
