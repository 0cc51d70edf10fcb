package edu.lanyard.dialects;

import edu.lanyard.core.domain.User;
import edu.lanyard.core.oidc.StandardClaims;

import java.util.List;
import java.util.Map;

/**
 * Fills a profile field from the user record (docs/products.md decision 10): login-name fields from the username,
 * display-name fields from the name, {@code email}, {@code mobile} from the phone, anything else from the attribute
 * of the same name. A client's {@code attributeMapping} option may point a field at another attribute. A field the
 * attributes do not have is read from the user's OpenID Connect standard claims when it names one, by the claim's
 * name or a product's usual name for it ({@code firstName}, {@code lastName}, {@code birthday}, {@code avatar}, …).
 */
public final class ProfileFields {
    /** Product field names for the standard claims (OIDC Core §5.1), besides the claim names themselves. */
    private static final Map<String, String> CLAIM_ALIASES = Map.ofEntries(
            Map.entry("givenName", "given_name"), Map.entry("firstName", "given_name"),
            Map.entry("firstname", "given_name"),
            Map.entry("familyName", "family_name"), Map.entry("lastName", "family_name"),
            Map.entry("lastname", "family_name"), Map.entry("surname", "family_name"),
            Map.entry("middleName", "middle_name"), Map.entry("nickName", "nickname"),
            Map.entry("birthday", "birthdate"), Map.entry("birthDate", "birthdate"), Map.entry("sex", "gender"),
            Map.entry("avatar", "picture"), Map.entry("photo", "picture"), Map.entry("timeZone", "zoneinfo"),
            Map.entry("timezone", "zoneinfo"), Map.entry("language", "locale"));

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
            default -> attributeOrClaim(source);
        };
    }

    private Object attributeOrClaim(String source) {
        Object attribute = user.attributes().get(source);
        if (attribute != null) {
            return attribute;
        }
        String claim = CLAIM_ALIASES.getOrDefault(source, source);
        if (!StandardClaims.SUPPORTED.contains(claim) || "sub".equals(claim)) {
            return null;
        }
        Object value = StandardClaims.value(user, claim);
        if (value instanceof Map<?, ?> address) {
            // a product field is text: the address as the user would write it
            Object formatted = address.get("formatted");
            return formatted != null ? formatted : StandardClaims.ADDRESS_FIELDS.stream().skip(1)
                    .map(address::get).filter(part -> part != null).map(String::valueOf)
                    .reduce((a, b) -> a + ", " + b).orElse(null);
        }
        return value;
    }
}
