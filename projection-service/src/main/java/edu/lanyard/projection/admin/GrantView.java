package edu.lanyard.projection.admin;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** A token family that may still hold valid tokens. */
record GrantView(String grantId, String clientId, String subject, String username, String grantType,
                 String sessionId, Instant firstSeenAt, Instant lastIssuedAt, Instant expiresAt) {

    JsonObject toJson() {
        return new JsonObject()
                .put("grant_id", grantId)
                .put("client_id", clientId)
                .put("subject", subject)
                .put("username", username)
                .put("grant_type", grantType)
                .put("sid", sessionId)
                .put("first_seen_at", firstSeenAt.toString())
                .put("last_issued_at", lastIssuedAt == null ? null : lastIssuedAt.toString())
                .put("expires_at", expiresAt == null ? null : expiresAt.toString());
    }
}
