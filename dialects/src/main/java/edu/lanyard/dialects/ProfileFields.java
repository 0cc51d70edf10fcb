package edu.lanyard.dialects;

import edu.lanyard.core.domain.User;

import java.util.List;
import java.util.Map;

/**
 * Fills a profile field from the user record (docs/products.md decision 10): login-name fields from the username,
 * display-name fields from the name, {@code email}, {@code mobile} from the phone, anything else from the attribute
 * of the same name. A client's {@code attributeMapping} option may point a field at another attribute.
 */
public final class ProfileFields {
    private final User user;
    private final Map<String, String> mapping;

    public ProfileFields(User user, Map<String, String> mapping) {
        this.user = user;
        this.mapping = mapping;
    }

    /** The field's value as a string, or null when the user record has nothing for it. */
    public String text(String field) {
        Object value = value(field);
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : String.join(",", list.stream().map(String::valueOf).toList());
        }
        return value == null ? null : String.valueOf(value);
    }

    /** The field's value, or {@code ""} when missing: the MaxKey family never sends null for these. */
    public String textOrEmpty(String field) {
        String value = text(field);
        return value == null ? "" : value;
    }

    /** A string, or a list of strings for a multi-valued attribute. */
    public Object value(String field) {
        String source = mapping.getOrDefault(field, field);
        return switch (source) {
            case "username", "user", "uid", "account" -> user.username();
            case "displayName", "realname", "name" -> user.name();
            case "email" -> user.email();
            case "mobile", "phone" -> user.phone();
            case "subject", "sub" -> user.subject();
            case "userId" -> user.attributes().getOrDefault("userId", user.subject());
            default -> user.attributes().get(source);
        };
    }
}
