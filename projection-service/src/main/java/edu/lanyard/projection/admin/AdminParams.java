package edu.lanyard.projection.admin;

import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads and checks the query parameters of admin requests; a bad one is a 400, never a 500. */
final class AdminParams {
    private final RoutingContext ctx;

    AdminParams(RoutingContext ctx) {
        this.ctx = ctx;
    }

    String text(String name) {
        String value = ctx.request().getParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 512) {
            throw AdminException.badRequest(name + " is too long");
        }
        return value.strip();
    }

    String path(String name) {
        String value = ctx.pathParam(name);
        if (value == null || value.isBlank() || value.length() > 255) {
            throw AdminException.badRequest("a " + name + " is required");
        }
        return value;
    }

    Instant time(String name, Instant fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw AdminException.badRequest(name + " must be an ISO-8601 instant such as 2026-11-20T08:00:00Z");
        }
    }

    int limit(int fallback, int max) {
        String value = text("limit");
        if (value == null) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1 || limit > max) {
                throw AdminException.badRequest("limit must be between 1 and " + max);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw AdminException.badRequest("limit must be a number");
        }
    }
}
