package edu.lanyard.projection.admin;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * What the operator asked for in the body of {@code POST /admin/users/{user}/password}: {@code {"password": "…"}} or
 * {@code {"generate": true}}. The password travels in the body, never in the URL (which ends up in access logs).
 *
 * @param given the operator's password, or null to generate one
 */
record NewPassword(String given) {
    static final String SHAPE = "send {\"password\": \"<new password>\"} or {\"generate\": true}";

    /** @throws AdminException a 400 that says what was expected (never quoting the body) */
    static NewPassword of(String body) {
        if (body == null || body.isBlank()) {
            throw AdminException.badRequest("no body: " + SHAPE);
        }
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw AdminException.badRequest("the body is not a JSON object: " + SHAPE);
        }
        Object password = json.getValue("password");
        Object generate = json.getValue("generate");
        if (password != null && generate != null && !Boolean.FALSE.equals(generate)) {
            throw AdminException.badRequest("give a password or ask to generate one, not both");
        }
        if (password != null) {
            if (!(password instanceof String text)) {
                throw AdminException.badRequest("password must be a string");
            }
            return new NewPassword(text);
        }
        if (Boolean.TRUE.equals(generate)) {
            return new NewPassword(null);
        }
        throw AdminException.badRequest(SHAPE);
    }

    /** Never the password itself: records print their fields. */
    @Override
    public String toString() {
        return given == null ? "NewPassword[generated]" : "NewPassword[given]";
    }
}
