package edu.lanyard.projection.admin;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** An active SSO session as the operator sees it; the cookie hash stays internal. */
record SessionView(String sessionHash, String sid, String username, String clientId, Long authTime,
                   Instant startedAt, Instant absoluteExpiresAt, Instant idleExpiresAt) {

    JsonObject toJson() {
        return new JsonObject()
                .put("sid", sid)
                .put("username", username)
                .put("client_id", clientId)
                .put("auth_time", authTime)
                .put("started_at", startedAt.toString())
                .put("expires_at", idleExpiresAt.toString())
                .put("absolute_expires_at", absoluteExpiresAt.toString());
    }
}
