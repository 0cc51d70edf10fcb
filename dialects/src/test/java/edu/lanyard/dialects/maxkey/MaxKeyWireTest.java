package edu.lanyard.dialects.maxkey;

import edu.lanyard.core.token.ActiveToken;
import edu.lanyard.core.token.TokenKind;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shapes of MaxKey's introspect and Spring's check_token (docs/products.md C.5). */
class MaxKeyWireTest {
    private static ActiveToken token(String username, String grantType) {
        return new ActiveToken(TokenKind.ACCESS_TOKEN, "hash", "grant", "app", username == null ? null : "sub-1",
                username, "read profile", grantType, null, 1_700_000_000L, 1_700_003_600L);
    }

    @Test
    void introspectionKeysAsGsonWroteThem() {
        assertEquals("{\"token\":\"t\",\"active\":true,\"sub\":\"alice\"}",
                MaxKeyWire.introspection("t", Optional.of(token("alice", "password"))).encode());
        assertEquals("{\"token\":\"t\",\"active\":true,\"sub\":\"app\"}",
                MaxKeyWire.introspection("t", Optional.of(token(null, "client_credentials"))).encode(),
                "a client's own token: sub is the client");
        assertEquals("{\"token\":\"t\",\"active\":false}", MaxKeyWire.introspection("t", Optional.empty()).encode());
    }

    @Test
    void checkTokenAsSpringsConverter() {
        JsonObject body = MaxKeyWire.checkToken(token("alice", "password"));
        assertEquals(List.of("user_name", "scope", "exp", "client_id", "active"), List.copyOf(body.fieldNames()));
        assertEquals(List.of("read", "profile"), body.getJsonArray("scope").getList());
        assertEquals(1_700_003_600L, body.getLong("exp"));
        assertEquals(List.of("scope", "exp", "client_id", "active"),
                List.copyOf(MaxKeyWire.checkToken(token(null, "client_credentials")).fieldNames()));
    }

    @Test
    void oidcGenderIsSpelledOut() {
        assertEquals("male", MaxKeyWire.gender("1"));
        assertEquals("female", MaxKeyWire.gender("女"));
        assertEquals("unknown", MaxKeyWire.gender(null));
        assertEquals("unknown", MaxKeyWire.gender("x"));
    }
}
