package edu.lanyard.dialects.cas.protocol;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CAS's SAML 1.1 validation ({@code POST /samlValidate?TARGET=…}) as the Java CAS client's Saml11TicketValidator
 * speaks it: a SOAP request carrying the ticket as {@code AssertionArtifact}, a SOAP answer carrying a SAML 1.1
 * {@code Response} with one {@code Assertion} (conditions, attribute and authentication statements) or, on failure,
 * only a non-success status.
 */
public final class Saml11Responses {
    /** How far around now the assertion is valid: the clients allow for little clock skew themselves. */
    static final long SKEW_SECONDS = 30;
    private static final Pattern ARTIFACT = Pattern.compile(
            "<(?:[A-Za-z_][\\w.-]*:)?AssertionArtifact(?:\\s[^>]*)?>\\s*([^<\\s]*)\\s*</(?:[A-Za-z_][\\w.-]*:)?"
                    + "AssertionArtifact\\s*>");

    private Saml11Responses() {
    }

    /**
     * The ticket of a SOAP request: the text of its one {@code AssertionArtifact} element; empty when there is none
     * or more than one. Read by pattern, not by an XML parser, so no document type, entity or external reference in a
     * hostile body is ever resolved.
     */
    public static Optional<String> artifact(String body) {
        if (body == null) {
            return Optional.empty();
        }
        Matcher matcher = ARTIFACT.matcher(body);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String ticket = matcher.group(1);
        return matcher.find() || ticket.isEmpty() ? Optional.empty() : Optional.of(ticket);
    }

    public static String success(CasValidation.Success success, String target, String issuer, Instant now,
                                 Instant authenticated) {
        String notBefore = utc(now.minusSeconds(SKEW_SECONDS));
        String notOnOrAfter = utc(now.plusSeconds(SKEW_SECONDS));
        String subject = "<Subject><NameIdentifier>" + Xml.escape(success.user()) + "</NameIdentifier>"
                + "<SubjectConfirmation><ConfirmationMethod>urn:oasis:names:tc:SAML:1.0:cm:artifact"
                + "</ConfirmationMethod></SubjectConfirmation></Subject>";
        StringBuilder attributes = new StringBuilder();
        new TreeMap<>(success.attributes()).forEach((name, values) -> {
            attributes.append("<Attribute AttributeName=\"").append(Xml.escape(name))
                    .append("\" AttributeNamespace=\"http://www.ja-sig.org/products/cas/\">");
            for (String value : values) {
                attributes.append("<AttributeValue>").append(Xml.escape(value)).append("</AttributeValue>");
            }
            attributes.append("</Attribute>");
        });
        String assertion = "<Assertion xmlns=\"urn:oasis:names:tc:SAML:1.0:assertion\" AssertionID=\"_" + id()
                + "\" IssueInstant=\"" + utc(now) + "\" Issuer=\"" + Xml.escape(issuer)
                + "\" MajorVersion=\"1\" MinorVersion=\"1\">"
                + "<Conditions NotBefore=\"" + notBefore + "\" NotOnOrAfter=\"" + notOnOrAfter + "\">"
                + "<AudienceRestrictionCondition><Audience>" + Xml.escape(target) + "</Audience>"
                + "</AudienceRestrictionCondition></Conditions>"
                + (attributes.isEmpty() ? "" : "<AttributeStatement>" + subject + attributes + "</AttributeStatement>")
                + "<AuthenticationStatement AuthenticationInstant=\"" + utc(authenticated)
                + "\" AuthenticationMethod=\"urn:oasis:names:tc:SAML:1.0:am:password\">" + subject
                + "</AuthenticationStatement></Assertion>";
        return envelope(response(target, now, "samlp:Success", null, assertion));
    }

    /** @param requester whether the request was at fault ({@code samlp:Requester}) rather than the ticket */
    public static String failure(CasValidation.Failure failure, String target, Instant now, boolean requester) {
        return envelope(response(target, now, requester ? "samlp:Requester" : "samlp:Responder",
                failure.code().name() + ": " + failure.description(), ""));
    }

    private static String response(String target, Instant now, String status, String message, String assertion) {
        return "<Response xmlns=\"urn:oasis:names:tc:SAML:1.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:1.0:assertion\""
                + " xmlns:samlp=\"urn:oasis:names:tc:SAML:1.0:protocol\" IssueInstant=\"" + utc(now)
                + "\" MajorVersion=\"1\" MinorVersion=\"1\" Recipient=\"" + Xml.escape(target == null ? "" : target)
                + "\" ResponseID=\"_" + id() + "\"><Status><StatusCode Value=\"" + status + "\"/>"
                + (message == null ? "" : "<StatusMessage>" + Xml.escape(message) + "</StatusMessage>")
                + "</Status>" + assertion + "</Response>";
    }

    private static String envelope(String body) {
        return "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Header/>"
                + "<SOAP-ENV:Body>" + body + "</SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }

    /** {@code 2026-12-04T23:30:00Z}: whole seconds, as the clients parse it. */
    static String utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "");
    }

}
