package edu.lanyard.launcher.token;

import edu.lanyard.launcher.Http;
import io.vertx.core.json.JsonObject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** What RFC 6749 §5.1/§5.2 require of every token endpoint answer, checked strictly. */
final class OAuthAssertions {
    private OAuthAssertions() {
    }

    /** RFC 6749 §5.1: a successful response, uncacheable, with a Bearer token and a positive lifetime. */
    static JsonObject assertTokenResponse(Http.Reply reply) {
        JsonObject body = assertNoStoreJson(reply, 200);
        assertNotNull(body.getString("access_token"), reply.body());
        assertEquals("Bearer", body.getString("token_type"), reply.body());
        assertTrue(body.getValue("expires_in") instanceof Number, "expires_in must be a number: " + reply.body());
        assertTrue(body.getLong("expires_in") > 0, reply.body());
        return body;
    }

    /**
     * RFC 6749 §5.2: the status, the error code, an error_description of the allowed characters only, and
     * {@code WWW-Authenticate} on every 401.
     */
    static JsonObject assertOAuthError(Http.Reply reply, int status, String error) {
        JsonObject body = assertNoStoreJson(reply, status);
        assertEquals(error, body.getString("error"), reply.body());
        String description = body.getString("error_description");
        if (description != null) {
            assertTrue(description.chars().allMatch(OAuthAssertions::allowedInDescription),
                    "error_description has characters RFC 6749 §5.2 does not allow: " + description);
        }
        if (status == 401) {
            assertNotNull(reply.header("WWW-Authenticate"), "401 without WWW-Authenticate");
        }
        assertFalse(body.containsKey("access_token"), reply.body());
        return body;
    }

    /** A JSON answer that no cache may keep (RFC 6749 §5.1, RFC 7662 §2.2 by reference). */
    static JsonObject assertNoStoreJson(Http.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.body());
        String type = reply.header("Content-Type");
        assertNotNull(type, "no Content-Type: " + reply.body());
        assertTrue(type.toLowerCase().startsWith("application/json"), "Content-Type " + type);
        String cacheControl = reply.header("Cache-Control");
        assertNotNull(cacheControl, "no Cache-Control: " + reply.body());
        assertTrue(cacheControl.contains("no-store"), "Cache-Control " + cacheControl);
        try {
            return reply.json();
        } catch (RuntimeException e) {
            return fail("not JSON: " + reply.body());
        }
    }

    /** Never a 500, and never an empty or non-OAuth error body, whatever the input. */
    static void assertClientError(Http.Reply reply) {
        assertTrue(reply.status() >= 400 && reply.status() < 500, "expected a 4xx, got " + reply.status()
                + ": " + reply.body());
        JsonObject body = assertNoStoreJson(reply, reply.status());
        assertNotNull(body.getString("error"), reply.body());
    }

    /** error_description = 1*( %x20-21 / %x23-5B / %x5D-7E ). */
    private static boolean allowedInDescription(int c) {
        return c == 0x20 || c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
    }
}
