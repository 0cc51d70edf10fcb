package edu.lanyard.core.client;

import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.request.RequestParams;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresentedCredentialsTest {
    private static final RequestParams NONE = RequestParams.of(Map.of());

    private static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String encoded(String id, String secret) {
        return basic(URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }

    @Test
    void basicCredentialsAreFormDecodedAfterBase64() {
        PresentedCredentials read = PresentedCredentials.read(encoded("odd:id+%é", "s3cr:t/+&=% é"), NONE);
        assertEquals("odd:id+%é", read.clientId());
        assertEquals("s3cr:t/+&=% é", read.secret());
        assertEquals(PresentedCredentials.Method.CLIENT_SECRET_BASIC, read.method());
        assertTrue(read.usedBasic());
    }

    @Test
    void plusInBasicCredentialsIsASpace() {
        assertEquals("a b", PresentedCredentials.read(basic("app:a+b"), NONE).secret());
    }

    @Test
    void theSchemeIsCaseInsensitiveAndTheSecretMayContainColons() {
        PresentedCredentials read = PresentedCredentials.read("bAsIc " + Base64.getEncoder()
                .encodeToString("app:x:y".getBytes(StandardCharsets.UTF_8)), NONE);
        assertEquals("app", read.clientId());
        assertEquals("x:y", read.secret());
    }

    @Test
    void malformedBasicCredentialsAreInvalidClientWithTheBasicChallenge() {
        for (String header : new String[]{"Basic !!!", basic("no-colon"), basic(":secret"), basic("app:%zz"),
                "Basic "}) {
            ClientAuthenticationException e = assertThrows(ClientAuthenticationException.class,
                    () -> PresentedCredentials.read(header, NONE), header);
            assertEquals("invalid_client", e.error().error());
            assertTrue(e.basicAttempted());
        }
    }

    @Test
    void postedCredentials() {
        PresentedCredentials read = PresentedCredentials.read(null,
                RequestParams.of(Map.of("client_id", "app", "client_secret", "s")));
        assertEquals(PresentedCredentials.Method.CLIENT_SECRET_POST, read.method());
        assertEquals("s", read.secret());
        PresentedCredentials publicClient = PresentedCredentials.read(null,
                RequestParams.of(Map.of("client_id", "spa")));
        assertEquals(PresentedCredentials.Method.NONE, publicClient.method());
        assertNull(publicClient.secret());
        assertNull(PresentedCredentials.read(null, NONE).clientId());
    }

    @Test
    void twoMethodsAtOnceAreInvalidRequest() {
        OAuthException e = assertThrows(OAuthException.class, () -> PresentedCredentials.read(
                encoded("app", "s"), RequestParams.of(Map.of("client_secret", "s"))));
        assertEquals("invalid_request", e.error().error());
    }

    @Test
    void aPostedClientIdMustNameTheBasicClient() {
        assertEquals("app", PresentedCredentials.read(encoded("app", "s"),
                RequestParams.of(Map.of("client_id", "app"))).clientId());
        OAuthException e = assertThrows(OAuthException.class, () -> PresentedCredentials.read(
                encoded("app", "s"), RequestParams.of(Map.of("client_id", "other"))));
        assertEquals("invalid_request", e.error().error());
    }

    @Test
    void anotherAuthorizationSchemeIsNotClientAuthentication() {
        PresentedCredentials read = PresentedCredentials.read("Bearer abc",
                RequestParams.of(Map.of("client_id", "spa")));
        assertEquals("spa", read.clientId());
        assertEquals(PresentedCredentials.Method.NONE, read.method());
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertTrue(!PresentedCredentials.read(encoded("app", "hunter2"), NONE).toString().contains("hunter2"));
    }
}
