package edu.lanyard.directory.importing;

import edu.lanyard.core.domain.User;
import edu.lanyard.directory.importing.ImportFile.UserEntry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each user can type to sign in under the configured login attributes, lower-cased as sign-in compares them: no
 * two users may share one, or one person's typing would reach (and lock) another's account.
 */
final class LoginValues {
    private LoginValues() {
    }

    /** By lower-cased value, the attribute that holds it ({@code username} included). */
    static Map<String, String> of(UserEntry user, List<String> attributes) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, user.username(), "username");
        for (String attribute : attributes) {
            Object value = switch (attribute) {
                case "username" -> null;
                case "email" -> user.email();
                case "phone" -> user.phone();
                default -> user.attributes().get(attribute);
            };
            if (value instanceof String text) {
                put(values, text, attribute);
            }
        }
        return values;
    }

    /** The same for a stored user. */
    static Map<String, String> of(User user, List<String> attributes) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, user.username(), "username");
        for (String attribute : attributes) {
            String value = switch (attribute) {
                case "username" -> null;
                case "email" -> user.email();
                case "phone" -> user.phone();
                default -> user.attribute(attribute);
            };
            put(values, value, attribute);
        }
        return values;
    }

    private static void put(Map<String, String> values, String value, String attribute) {
        if (value != null && !value.isBlank()) {
            values.putIfAbsent(lower(value), attribute);
        }
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
