package edu.lanyard.core.oidc;

import edu.lanyard.core.error.OAuthException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OIDC Core §5.5 claims parameter: what is read, what is refused, what survives storage. */
class ClaimsRequestTest {

    @Test
    void readsUserinfoAndIdTokenMembersWithEveryFormOfRequest() {
        ClaimsRequest request = ClaimsRequest.parse("""
                {"userinfo": {"given_name": {"essential": true}, "email": null,
                              "locale": {"value": "zh-CN"}},
                 "id_token": {"family_name": {"values": ["Zhang", "Li"]}, "auth_time": {"essential": true}}}""");
        assertEquals(List.of("given_name", "email", "locale"), List.copyOf(request.userinfo().keySet()));
        assertTrue(request.userinfo().get("given_name").essential());
        assertFalse(request.userinfo().get("email").essential());
        assertEquals("zh-CN", request.userinfo().get("locale").value().asText());
        assertEquals(2, request.idToken().get("family_name").values().size());
        assertEquals(Set.of("family_name"), request.idToken().keySet(), "only standard claims are kept");
        assertEquals(Set.of("given_name", "email", "locale", "family_name"), request.allNames());
    }

    @Test
    void survivesStorageAsNormalizedJson() {
        ClaimsRequest request = ClaimsRequest.parse(
                "{\"userinfo\":{\"given_name\":{\"essential\":true},\"email\":null},\"other\":1}");
        String stored = request.toJson();
        assertEquals("{\"userinfo\":{\"given_name\":{\"essential\":true},\"email\":null}}", stored);
        assertEquals(request, ClaimsRequest.fromStored(stored));
    }

    @Test
    void noRequestIsStoredAsNothing() {
        assertSame(ClaimsRequest.NONE, ClaimsRequest.parse(null));
        assertSame(ClaimsRequest.NONE, ClaimsRequest.parse("  "));
        assertNull(ClaimsRequest.parse("{}").toJson());
        assertTrue(ClaimsRequest.fromStored(null).isEmpty());
        assertTrue(ClaimsRequest.parse("{\"userinfo\":{\"x-campus\":null}}").isEmpty());
    }

    @Test
    void malformedRequestsAreInvalidRequest() {
        for (String bad : List.of("{not json", "[]", "\"profile\"", "{\"userinfo\":[]}", "{\"id_token\":\"email\"}",
                "{\"userinfo\":{\"email\":true}}", "{\"userinfo\":{\"email\":{\"essential\":\"yes\"}}}",
                "{\"userinfo\":{\"email\":{\"values\":\"a\"}}}", "{\"userinfo\":{}}" + " ".repeat(9000))) {
            OAuthException e = assertThrows(OAuthException.class, () -> ClaimsRequest.parse(bad), bad);
            assertEquals("invalid_request", e.error().error(), bad);
        }
    }
}
