package edu.lanyard.directory.importing;

import edu.lanyard.core.cas.CasService;
import edu.lanyard.core.domain.HeaderValues;
import edu.lanyard.core.domain.RedirectUriMatch;
import edu.lanyard.directory.importing.ImportFile.ServiceEntry;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks the {@code services:} of an import file, one line per problem with the entry's place, and a did-you-mean
 * for a misspelt {@code match} or {@code logout_type}.
 */
final class ServiceValidator {
    static final List<String> MATCHES = List.of("exact", "prefix", "regex");
    static final List<String> LOGOUT_TYPES = List.of("back_channel", "front_channel", "none");
    private static final int MAX_ID_LENGTH = 255;

    private ServiceValidator() {
    }

    static void check(List<ServiceEntry> services, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            ServiceEntry entry = services.get(i);
            if (entry == null) {
                problems.add("services[" + i + "] is empty");
                continue;
            }
            String label = "services[" + i + "] (" + entry.id() + "): ";
            if (entry.id() == null || entry.id().isBlank() || entry.id().length() > MAX_ID_LENGTH
                    || !entry.id().strip().equals(entry.id())) {
                problems.add(label + "id is required: 1-255 characters, no surrounding spaces");
            } else if (!seen.add(entry.id())) {
                problems.add(label + "id appears more than once");
            }
            String match = entry.match() == null ? "exact" : entry.match().toLowerCase(Locale.ROOT);
            if (!MATCHES.contains(match)) {
                problems.add(label + "match '" + entry.match() + "' is not one of " + String.join(", ", MATCHES)
                        + didYouMean(entry.match(), MATCHES));
            } else if (entry.service() == null || entry.service().isBlank()) {
                problems.add(label + "service is required: the service URL, or a URL prefix or pattern");
            } else {
                RedirectUriMatch.fromConfig(match).registrationProblem(entry.service())
                        .ifPresent(problem -> problems.add(label + "service " + problem));
            }
            if (CasService.LogoutType.fromConfig(entry.logoutType()).isEmpty()) {
                problems.add(label + "logout_type '" + entry.logoutType() + "' is not one of "
                        + String.join(", ", LOGOUT_TYPES) + didYouMean(entry.logoutType(), LOGOUT_TYPES));
            }
            if (entry.logoutUrl() != null && !isHttpUrl(entry.logoutUrl())) {
                problems.add(label + "logout_url must be an absolute http(s) URL without spaces");
            }
            if (entry.attributes() != null) {
                for (int a = 0; a < entry.attributes().size(); a++) {
                    String name = entry.attributes().get(a);
                    if (name == null || name.isBlank()) {
                        problems.add(label + "attributes[" + a + "] is empty");
                    }
                }
            }
            if (entry.proxy() != null && entry.proxy().pgtUrl() != null) {
                try {
                    Pattern.compile(entry.proxy().pgtUrl());
                } catch (PatternSyntaxException e) {
                    problems.add(label + "proxy.pgt_url is not a valid regular expression: " + e.getDescription());
                }
                if (!Boolean.TRUE.equals(entry.proxy().allowed())) {
                    problems.add(label + "proxy.pgt_url is set but proxy.allowed is not true");
                }
            }
        }
    }

    private static boolean isHttpUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return HeaderValues.isSafeUri(url) && (lower.startsWith("https://") || lower.startsWith("http://"));
    }

    private static String didYouMean(String value, List<String> known) {
        return value == null ? "" : DidYouMean.closest(value.toLowerCase(Locale.ROOT).replace('-', '_'), known)
                .map(close -> ", did you mean \"" + close + "\"?").orElse("");
    }

    /** The registered form of a checked entry. */
    static CasService toService(ServiceEntry entry) {
        boolean proxy = entry.proxy() != null && Boolean.TRUE.equals(entry.proxy().allowed());
        return new CasService(entry.id(), entry.name(), entry.service(),
                RedirectUriMatch.fromConfig(entry.match()), entry.attributes(), proxy,
                entry.proxy() == null ? null : entry.proxy().pgtUrl(), entry.logoutUrl(),
                CasService.LogoutType.fromConfig(entry.logoutType()).orElseThrow());
    }

}
