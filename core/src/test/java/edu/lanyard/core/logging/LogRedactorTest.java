package edu.lanyard.core.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogRedactorTest {
    private static final String S = "S3cr3tV4lue";

    @ParameterizedTest
    @ValueSource(strings = {"client_secret", "password", "code", "code_verifier", "ticket", "token", "access_token",
            "refresh_token", "id_token", "id_token_hint", "subject_token", "client_assertion", "secret",
            "CLIENT_SECRET", "Password", "lanyard_session", "csrf", "user_password", "passwd", "pwd",
            "LANYARD_KEYS_MASTER_KEY", "masterKey", "previousMasterKeys"})
    void masksTheValueOfEverySecretParameter(String name) {
        String line = "GET /sso/oauth2/token?client_id=app&" + name + "=" + S + "&scope=read HTTP/1.1";
        String redacted = LogRedactor.redact(line);
        assertFalse(redacted.contains(S), redacted);
        assertTrue(redacted.contains(name + "=***"), redacted);
        assertTrue(redacted.contains("client_id=app") && redacted.contains("scope=read"), "others stay: " + redacted);
    }

    @Test
    void nettysDecodingMessageQuotesTheWholeUrl() {
        String message = "invalid hex byte 'zz' at index 120 of '/cas/oauth2.0/accessToken?grant_type=password"
                + "&client_id=20180901&client_secret=" + S + "&username=zhangsan&password=pa" + S + "&scope=%zz'";
        String redacted = LogRedactor.redact(message);
        assertFalse(redacted.contains(S), redacted);
        assertTrue(redacted.contains("username=zhangsan") && redacted.contains("grant_type=password"), redacted);
    }

    @Test
    void formBodiesWithEncodedCharactersInTheValue() {
        String redacted = LogRedactor.redact("grant_type=password&username=u&password=a%26" + S + "+b&x=1");
        assertFalse(redacted.contains(S), redacted);
        assertEquals("grant_type=password&username=u&password=***&x=1", redacted);
    }

    @Test
    void aUrlEncodedInsideAnotherParameter() {
        String redacted = LogRedactor.redact("redirect_uri=https%3A%2F%2Fapp%2Fcb%3Fstate%3D1%26code%3D" + S
                + "%26x%3D1");
        assertFalse(redacted.contains(S), redacted);
        redacted = LogRedactor.redact("next=%2Fcb%3Fcode%3D" + S);
        assertFalse(redacted.contains(S), redacted);
    }

    @Test
    void jsonFields() {
        String json = "{\"access_token\":\"" + S + "1\",\"token_type\":\"Bearer\",\"refresh_token\" : \"" + S
                + "2\",\"id_token\":\"a.b." + S + "\",\"client_secret\":\"with \\\"quote\\\" " + S + "\","
                + "\"scope\":\"openid\",\"expires_in\":3600}";
        String redacted = LogRedactor.redact(json);
        assertFalse(redacted.contains(S), redacted);
        assertTrue(redacted.contains("\"access_token\":\"***\"") && redacted.contains("\"scope\":\"openid\"")
                && redacted.contains("\"expires_in\":3600"), redacted);
    }

    @Test
    void authorizationHeadersAndSchemes() {
        for (String line : new String[]{"Authorization: Basic " + S + "==", "authorization: Bearer " + S,
                "Authorization=" + S, "headers: [Authorization: " + S + "]", "sent bearer " + S + " upstream",
                "Proxy-Authorization: Digest " + S, "Cookie: lanyard_session=" + S + "; lang=en"}) {
            String redacted = LogRedactor.redact(line);
            assertFalse(redacted.contains(S), line + " -> " + redacted);
        }
    }

    @Test
    void keyValueInToStringAndColonForms() {
        for (String line : new String[]{"Credentials[clientId=app, secret=" + S + "]", "{password=" + S + "}",
                "client_secret: " + S, "refresh_token : " + S, "access_token%3D" + S, "  masterKey: " + S,
                "{\"master_key\": \"" + S + "\"}"}) {
            String redacted = LogRedactor.redact(line);
            assertFalse(redacted.contains(S), line + " -> " + redacted);
        }
    }

    @Test
    void ordinaryLinesAreUntouchedAndNotCopied() {
        String line = "12:00:01.123 [vert.x-eventloop-thread-1] INFO edu.lanyard.X - rotated the signing keys";
        assertSame(line, LogRedactor.redact(line), "no trigger word: the regular expressions do not run");
        String hash = "could not roll back access token 9f86d081884c7d659a2feaa0c55ad015";
        assertEquals(hash, LogRedactor.redact(hash), "a hash after the word token is not a parameter");
        String challenge = "code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&state=xyz";
        assertEquals(challenge, LogRedactor.redact(challenge), "a PKCE challenge is public");
        assertNull(LogRedactor.redact(null));
    }

    @Test
    void thePrecheckSeesEveryTrigger() {
        assertFalse(LogRedactor.mayContainSecret("nothing to see here"));
        assertTrue(LogRedactor.mayContainSecret("a TOKEN"));
        byte[] bytes = "x Bearer y".getBytes();
        assertTrue(LogRedactor.mayContainSecret(bytes, 0, bytes.length));
        assertFalse(LogRedactor.mayContainSecret(bytes, 0, 5), "only the given range is scanned");
    }

    @Test
    void scrubbedThrowablesPrintLikeTheOriginalWithoutTheSecret() {
        IllegalStateException cause = new IllegalStateException("bad body password=" + S);
        RuntimeException failure = new RuntimeException("GET /x?client_secret=" + S, cause);
        failure.addSuppressed(new IllegalArgumentException("code=" + S));

        Throwable scrubbed = LogRedactor.scrub(failure);
        String printed = stackTrace(scrubbed);
        assertFalse(printed.contains(S), printed);
        assertTrue(printed.startsWith("java.lang.RuntimeException: GET /x?client_secret=***"), printed);
        assertTrue(printed.contains("Caused by: java.lang.IllegalStateException: bad body password=***"), printed);
        assertTrue(printed.contains("Suppressed: java.lang.IllegalArgumentException: code=***"), printed);
        assertArrayEquals(failure.getStackTrace(), scrubbed.getStackTrace());
        assertTrue(printed.contains("\tat " + LogRedactorTest.class.getName()), "the stack trace is kept");
        assertNull(LogRedactor.scrub(null));
    }

    @Test
    void scrubbingSurvivesCausalCycles() {
        RuntimeException a = new RuntimeException("a token=" + S);
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(stackTrace(LogRedactor.scrub(b)).contains(S));
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
