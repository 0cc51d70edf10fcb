package edu.lanyard.dialects.cas.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.Deflater;

/**
 * CAS single logout's notice (CAS Protocol 3.0 §2.3.3 and the CAS clients' SingleSignOutFilter): a SAML 2
 * {@code LogoutRequest} naming the user and, as {@code SessionIndex}, the service ticket the service's session was
 * opened with. Sent as the form field {@code logoutRequest} (back channel) or, deflated and base64-encoded, as the
 * query parameter {@code SAMLRequest} (front channel).
 */
public final class CasLogoutRequest {
    private CasLogoutRequest() {
    }

    public static String xml(String user, String serviceTicket, Instant issued) {
        return "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"LR-" + UUID.randomUUID()
                + "\" Version=\"2.0\" IssueInstant=\"" + issued.truncatedTo(ChronoUnit.SECONDS) + "\">"
                + "<saml:NameID>" + Xml.escape(user) + "</saml:NameID>"
                + "<samlp:SessionIndex>" + Xml.escape(serviceTicket) + "</samlp:SessionIndex>"
                + "</samlp:LogoutRequest>";
    }

    /** zlib DEFLATE then base64, as the Java client inflates a front-channel {@code SAMLRequest}. */
    public static String deflated(String xml) {
        Deflater deflater = new Deflater();
        deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
