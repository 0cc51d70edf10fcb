package edu.lanyard.authorize.cas;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parameters of a CAS protocol request, read strictly: each from the query (and, for a POST, the form), given at
 * most once, at most {@value #MAX_LENGTH} characters, without control characters. Anything else is
 * {@link Malformed}, which each endpoint answers in its own shape (XML, JSON, text or the error page).
 */
final class CasParams {
    static final int MAX_LENGTH = 4096;

    private final RoutingContext ctx;

    CasParams(RoutingContext ctx) {
        this.ctx = ctx;
    }

    /** The parameter's one value, empty if absent. */
    Optional<String> one(String name) {
        List<String> values = new ArrayList<>(ctx.queryParam(name));
        if (ctx.request().method() == HttpMethod.POST) {
            values.addAll(ctx.request().formAttributes().getAll(name));
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new Malformed(name + " is given more than once");
        }
        String value = values.get(0);
        if (value.length() > MAX_LENGTH) {
            throw new Malformed(name + " is too long");
        }
        if (hasControl(value)) {
            throw new Malformed(name + " contains a control character");
        }
        return Optional.of(value);
    }

    /** A flag such as {@code renew=true}: true only for the text {@code true} (any case). */
    boolean flag(String name) {
        return one(name).map(value -> value.equalsIgnoreCase("true")).orElse(false);
    }

    private static boolean hasControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** A parameter that cannot be read; the message names it and never quotes its value. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
