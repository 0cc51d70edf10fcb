package edu.lanyard.dialects.cas.protocol;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wire shapes of CAS Protocol 3.0 §2.5–2.7 and the SAML 1.1 and single-logout documents. */
class CasResponsesTest {
    private static final CasValidation.Success SUCCESS = new CasValidation.Success("tess",
            Map.of("email", List.of("t@example.edu"), "roles", List.of("a", "b"), "bad name", List.of("x")),
            "PGTIOU-1", List.of("https://proxy2/pgtUrl", "https://proxy1/pgtUrl"), 0);

    @Test
    void successXmlAsInTheSpecification() {
        assertEquals("""
                <cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
                    <cas:authenticationSuccess>
                        <cas:user>tess</cas:user>
                        <cas:attributes>
                            <cas:email>t@example.edu</cas:email>
                            <cas:roles>a</cas:roles>
                            <cas:roles>b</cas:roles>
                        </cas:attributes>
                        <cas:proxyGrantingTicket>PGTIOU-1</cas:proxyGrantingTicket>
                        <cas:proxies>
                            <cas:proxy>https://proxy2/pgtUrl</cas:proxy>
                            <cas:proxy>https://proxy1/pgtUrl</cas:proxy>
                        </cas:proxies>
                    </cas:authenticationSuccess>
                </cas:serviceResponse>
                """, CasResponses.xml(SUCCESS, true));
        assertFalse(CasResponses.xml(SUCCESS, false).contains("<cas:attributes>"));
    }

    @Test
    void failureXmlEscapesTheDescription() {
        assertEquals("""
                <cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
                    <cas:authenticationFailure code="INVALID_TICKET">a &lt;b&gt; &amp; &quot;c&quot;</cas:authenticationFailure>
                </cas:serviceResponse>
                """, CasResponses.xml(CasValidation.failure(CasErrorCode.INVALID_TICKET, "a <b> & \"c\""), true));
    }

    @Test
    void jsonShape() {
        JsonObject ok = new JsonObject(CasResponses.json(SUCCESS, true)).getJsonObject("serviceResponse")
                .getJsonObject("authenticationSuccess");
        assertEquals("tess", ok.getString("user"));
        assertEquals("PGTIOU-1", ok.getString("proxyGrantingTicket"));
        assertEquals("t@example.edu", ok.getJsonObject("attributes").getString("email"));
        assertEquals(List.of("a", "b"), ok.getJsonObject("attributes").getJsonArray("roles").getList());
        assertEquals("x", ok.getJsonObject("attributes").getString("bad name"), "any name is a JSON key");
        JsonObject failure = new JsonObject(CasResponses.json(CasValidation.failure(CasErrorCode.INVALID_SERVICE,
                "d"), true)).getJsonObject("serviceResponse").getJsonObject("authenticationFailure");
        assertEquals(new JsonObject().put("code", "INVALID_SERVICE").put("description", "d"), failure);
    }

    @Test
    void cas10Text() {
        assertEquals("yes\ntess\n", CasResponses.text(SUCCESS));
        assertEquals("no\n\n", CasResponses.text(CasValidation.failure(CasErrorCode.INVALID_TICKET, "x")));
    }

    @Test
    void xmlEscapingNeverBreaksTheDocument() {
        assertEquals("&lt;&gt;&amp;&quot;&apos;\uFFFD\uFFFDok\t", Xml.escape("<>&\"'\u0001\uD800ok\t"));
        assertEquals("\uD83D\uDE00", Xml.escape("\uD83D\uDE00"), "a surrogate pair stays");
        assertTrue(Xml.isName("eduPersonAffiliation"));
        assertFalse(Xml.isName("a b"));
        assertFalse(Xml.isName("1a"));
        assertFalse(Xml.isName("a><x"));
    }

    @Test
    void samlArtifactIsReadWithoutParsingXml() {
        String request = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><Request><AssertionArtifact>ST-abc</AssertionArtifact></Request></soap:Body>"
                + "</soap:Envelope>";
        assertEquals("ST-abc", Saml11Responses.artifact(request).orElseThrow());
        assertTrue(Saml11Responses.artifact(request + request).isEmpty(), "two artifacts are refused");
        assertTrue(Saml11Responses.artifact("<x>&e;</x>").isEmpty());
        String saml = Saml11Responses.success(SUCCESS, "https://app/", "cas.example.edu",
                Instant.parse("2026-01-01T00:00:00.500Z"), Instant.parse("2025-12-31T23:00:00Z"));
        assertTrue(saml.contains("NotBefore=\"2025-12-31T23:59:30Z\" NotOnOrAfter=\"2026-01-01T00:00:30Z\""), saml);
        assertTrue(saml.contains("<NameIdentifier>tess</NameIdentifier>"), saml);
        assertTrue(saml.contains("AuthenticationInstant=\"2025-12-31T23:00:00Z\""), saml);
    }

    @Test
    void logoutRequestAndItsFrontChannelForm() throws Exception {
        String xml = CasLogoutRequest.xml("t<x>", "ST-1", Instant.parse("2026-01-01T00:00:00.9Z"));
        assertTrue(xml.contains("<saml:NameID>t&lt;x&gt;</saml:NameID><samlp:SessionIndex>ST-1</samlp:SessionIndex>"),
                xml);
        assertTrue(xml.contains("IssueInstant=\"2026-01-01T00:00:00Z\""), xml);
        Inflater inflater = new Inflater();
        inflater.setInput(Base64.getDecoder().decode(CasLogoutRequest.deflated(xml)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        while (!inflater.finished()) {
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        assertEquals(xml, out.toString(StandardCharsets.UTF_8), "what the Java client inflates");
    }
}
