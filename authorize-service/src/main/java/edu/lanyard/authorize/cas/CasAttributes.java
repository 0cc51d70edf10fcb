package edu.lanyard.authorize.cas;

import edu.lanyard.core.cas.CasService;
import edu.lanyard.core.domain.User;
import edu.lanyard.dialects.cas.protocol.CasResponses;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes a validation releases: the user's attributes, name, email and phone, filtered by the service's
 * {@code attributes:} list; and, in CAS 3.0 answers, the authentication's own attributes (never filtered).
 */
final class CasAttributes {
    private CasAttributes() {
    }

    static Map<String, List<String>> released(User user, CasService service) {
        Map<String, Object> all = new LinkedHashMap<>();
        put(all, "name", user.name());
        put(all, "email", user.email());
        put(all, "phone", user.phone());
        user.attributes().forEach((name, value) -> put(all, name, value));
        all.keySet().removeIf(name -> !service.releases(name));
        return CasResponses.textValues(all);
    }

    /** CAS 3.0 §2.6.2's authentication attributes. */
    static Map<String, List<String>> withAuthentication(Map<String, List<String>> released, boolean fromNewLogin,
                                                       long authTime) {
        Map<String, List<String>> all = new LinkedHashMap<>(released);
        all.put("isFromNewLogin", List.of(String.valueOf(fromNewLogin)));
        all.put("authenticationDate", List.of(Instant.ofEpochSecond(authTime).toString()));
        all.put("longTermAuthenticationRequestTokenUsed", List.of("false"));
        return all;
    }

    private static void put(Map<String, Object> all, String name, Object value) {
        if (value != null) {
            all.put(name, value);
        }
    }
}
