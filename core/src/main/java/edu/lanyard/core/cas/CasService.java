package edu.lanyard.core.cas;

import edu.lanyard.core.domain.RedirectUriMatch;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A service registered for the CAS protocol (CAS's "registered service"): the URLs it may ask tickets for, the user
 * attributes released to it, whether it may obtain proxy tickets, and how it hears of a logout.
 *
 * @param id         the operator's name for it, unique
 * @param service    a URL or pattern, compared with {@code match}
 * @param attributes the attribute names released at validation; null releases all of them
 * @param proxy      whether validations for it may ask a proxy-granting ticket
 * @param pgtUrl     a regular expression the proxy callback URL must match, or null for any https URL
 * @param logoutUrl  where single-logout notices go; null means the service URL the ticket was issued for
 */
public record CasService(String id, String name, String service, RedirectUriMatch match, List<String> attributes,
                         boolean proxy, String pgtUrl, String logoutUrl, LogoutType logoutType) {

    /** How a service hears that the SSO session it got a ticket in has ended. */
    public enum LogoutType {
        BACK_CHANNEL, FRONT_CHANNEL, NONE;

        public static Optional<LogoutType> fromConfig(String value) {
            if (value == null) {
                return Optional.of(BACK_CHANNEL);
            }
            try {
                return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                return Optional.empty();
            }
        }
    }

    public CasService {
        attributes = attributes == null ? null : List.copyOf(attributes);
        match = match == null ? RedirectUriMatch.EXACT : match;
        logoutType = logoutType == null ? LogoutType.BACK_CHANNEL : logoutType;
    }

    /** Whether {@code url} is one of this service's URLs. */
    public boolean accepts(String url) {
        return url != null && match.matches(service, url);
    }

    /** Whether {@code name} may be released to this service. */
    public boolean releases(String attribute) {
        return attributes == null || attributes.contains(attribute);
    }

    public String displayName() {
        return name == null || name.isBlank() ? id : name;
    }
}
