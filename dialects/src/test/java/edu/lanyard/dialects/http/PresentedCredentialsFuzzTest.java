package edu.lanyard.dialects.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import edu.lanyard.core.client.ClientAuthenticationException;
import edu.lanyard.core.client.PresentedCredentials;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.devkit.fuzz.WireRequest;
import io.vertx.core.MultiMap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Client authentication as RFC 6749 §2.3 reads it, over any Authorization header and parameters. Seeds:
 * {@code PresentedCredentialsFuzzTestInputs}; {@code perf/fuzz.sh} fuzzes.
 *
 * <p>Invariants: a failure is invalid_request (two methods, or ids that disagree) or an invalid_client that remembers
 * the Basic attempt; a result names its method consistently (a secret only with an id, never one for NONE); what
 * Basic carries is exactly what a client form-encoded and base64-encoded; toString never shows the secret.
 */
class PresentedCredentialsFuzzTest {

    @FuzzTest
    void read(byte[] input) {
        WireRequest wire = WireRequest.parse(input);
        Optional<MultiMap> form = wire.form();
        if (form.isEmpty()) {
            return;
        }
        RequestParams params;
        try {
            params = HttpRequestParams.from(source -> source == RequestParams.Source.QUERY ? wire.query() : form.get(),
                    List.of(RequestParams.Source.QUERY, RequestParams.Source.FORM));
        } catch (OAuthException e) {
            return; // RequestParamsFuzzTest covers undecodable queries
        }
        String authorization = wire.header("Authorization");
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        PresentedCredentials read;
        try {
            read = PresentedCredentials.read(authorization, params);
        } catch (OAuthException e) {
            assertEquals("invalid_request", e.error().error());
            assertEquals(400, e.error().status());
            assertTrue(basic, "only Basic plus parameters can conflict");
            return;
        } catch (ClientAuthenticationException e) {
            assertEquals("invalid_client", e.error().error());
            assertEquals(401, e.error().status());
            assertTrue(basic && e.basicAttempted(), "only a malformed Basic header is invalid_client here");
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("unexpected " + e.getClass().getName(), e);
        }
        wellFormed(read);
        if (basic) {
            assertEquals(PresentedCredentials.Method.CLIENT_SECRET_BASIC, read.method());
            params.first("client_id").ifPresent(id -> assertEquals(id, read.clientId()));
            assertTrue(params.first("client_secret").isEmpty());
        } else {
            assertEquals(params.firstOrNull("client_id"), read.clientId());
        }
    }

    /** Whatever id and secret a client has, encoding them as §2.3.1 says and reading them back gives them again. */
    @FuzzTest
    void basicRoundTrip(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int split = text.indexOf('\n');
        String id = split < 0 ? text : text.substring(0, split);
        String secret = split < 0 ? "" : text.substring(split + 1);
        if (id.isEmpty()) {
            return; // no client has an empty id: "Basic :secret" is rightly invalid_client
        }
        String header = (input.length % 2 == 0 ? "Basic " : "bASIC ") + Base64.getEncoder().encodeToString(
                (form(id) + ":" + form(secret)).getBytes(StandardCharsets.UTF_8));
        PresentedCredentials read = PresentedCredentials.read(header, RequestParams.of(Map.of()));
        assertEquals(id, read.clientId());
        assertEquals(secret, read.secret());
        assertEquals(PresentedCredentials.Method.CLIENT_SECRET_BASIC, read.method());
        wellFormed(read);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void wellFormed(PresentedCredentials read) {
        assertNotNull(read.method());
        switch (read.method()) {
            case NONE -> assertNull(read.secret(), "no secret without a method");
            case CLIENT_SECRET_BASIC, CLIENT_SECRET_POST -> {
                assertNotNull(read.clientId());
                assertNotNull(read.secret());
                assertTrue(!read.clientId().isEmpty(), "an authenticating client has an id");
            }
            default -> fail("unknown method " + read.method());
        }
        assertEquals("PresentedCredentials[" + read.clientId() + ", "
                + read.method().name().toLowerCase(Locale.ROOT) + "]", read.toString(), "never the secret");
        if (read.method() != PresentedCredentials.Method.CLIENT_SECRET_BASIC) {
            assertTrue(!read.usedBasic());
        }
    }
}
