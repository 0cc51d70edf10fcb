package edu.lanyard.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import edu.lanyard.core.config.LanyardConfig;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a directory entry into a {@link DirectoryProfile}: each mapped attribute goes to a Lanyard field (username,
 * name, email, phone), to an OpenID Connect standard claim, or else to the product dialects' attributes.
 */
final class ProfileMapping {
    /** OIDC Core §5.1 claims kept in User.claims (name, email and phone have fields of their own). */
    static final Set<String> STANDARD_CLAIMS = Set.of("given_name", "family_name", "middle_name", "nickname",
            "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "address");

    /**
     * The campus number, department and title go to the attribute names the product dialects read (MaxKey's
     * {@code employeeNumber}, {@code department}, {@code title}), so a directory user's profile matches a local one.
     */
    static final Map<String, String> OPENLDAP_DEFAULTS = Map.ofEntries(Map.entry("uid", "username"),
            Map.entry("cn", "name"), Map.entry("mail", "email"), Map.entry("telephoneNumber", "phone"),
            Map.entry("givenName", "given_name"), Map.entry("sn", "family_name"),
            Map.entry("employeeNumber", "employeeNumber"), Map.entry("departmentNumber", "department"),
            Map.entry("title", "title"));
    static final Map<String, String> AD_DEFAULTS = Map.ofEntries(Map.entry("sAMAccountName", "username"),
            Map.entry("displayName", "name"), Map.entry("mail", "email"), Map.entry("telephoneNumber", "phone"),
            Map.entry("givenName", "given_name"), Map.entry("sn", "family_name"),
            Map.entry("employeeNumber", "employeeNumber"), Map.entry("department", "department"),
            Map.entry("title", "title"));

    /** Read from every entry besides the mapped ones: ids, account state, group links. */
    private static final List<String> OPERATIONAL = List.of("entryUUID", "objectGUID", "userAccountControl",
            "accountExpires", "pwdLastSet");

    private final Map<String, String> mapping;
    private final List<String> loginAttributes;
    private final String memberOfAttribute;

    ProfileMapping(LanyardConfig.Ldap config) {
        Map<String, String> configured = config.attributes().isEmpty()
                ? (config.activeDirectory() ? AD_DEFAULTS : OPENLDAP_DEFAULTS)
                : config.attributes();
        this.mapping = new LinkedHashMap<>(configured);
        this.loginAttributes = config.loginAttributes();
        this.memberOfAttribute = config.groups().memberOfAttribute();
    }

    /** The attributes a user search asks for. */
    String[] requested() {
        Set<String> names = new LinkedHashSet<>(mapping.keySet());
        names.addAll(loginAttributes);
        names.addAll(OPERATIONAL);
        if (!memberOfAttribute.isEmpty()) {
            names.add(memberOfAttribute);
        }
        return names.toArray(String[]::new);
    }

    DirectoryProfile map(Entry entry, List<String> roles) {
        String username = null;
        String name = null;
        String email = null;
        String phone = null;
        Map<String, Object> claims = new LinkedHashMap<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, String> rule : mapping.entrySet()) {
            Attribute attribute = entry.getAttribute(rule.getKey());
            if (attribute == null || attribute.getValues().length == 0) {
                continue;
            }
            String first = attribute.getValue();
            switch (rule.getValue()) {
                case "username" -> username = first;
                case "name" -> name = first;
                case "email" -> email = first;
                case "phone", "phone_number" -> phone = first;
                default -> {
                    if (STANDARD_CLAIMS.contains(rule.getValue())) {
                        claims.put(rule.getValue(), first);
                    } else {
                        attributes.put(rule.getValue(), attribute.getValues().length == 1
                                ? first : List.of(attribute.getValues()));
                    }
                }
            }
        }
        if (username == null) {
            username = firstLoginValue(entry);
        }
        if (!roles.isEmpty()) {
            attributes.put("roles", List.copyOf(roles));
        }
        return new DirectoryProfile(entry.getDN(), directoryId(entry), username, name, email, phone, claims,
                attributes);
    }

    /** The entry's username alone, as {@link #map} finds it, for counting a refusal on the account. */
    String username(Entry entry) {
        for (Map.Entry<String, String> rule : mapping.entrySet()) {
            if ("username".equals(rule.getValue())) {
                String value = entry.getAttributeValue(rule.getKey());
                if (value != null && !value.isEmpty()) {
                    return value;
                }
            }
        }
        return firstLoginValue(entry);
    }

    private String firstLoginValue(Entry entry) {
        for (String attribute : loginAttributes) {
            String value = entry.getAttributeValue(attribute);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    /** entryUUID (RFC 4530) as it is; AD's objectGUID is a little-endian binary GUID, written the usual way. */
    private static String directoryId(Entry entry) {
        String entryUuid = entry.getAttributeValue("entryUUID");
        if (entryUuid != null && !entryUuid.isBlank()) {
            return entryUuid.toLowerCase(Locale.ROOT);
        }
        byte[] guid = entry.getAttributeValueBytes("objectGUID");
        if (guid != null && guid.length == 16) {
            ByteBuffer b = ByteBuffer.wrap(guid);
            long high = ((long) Integer.reverseBytes(b.getInt()) << 32)
                    | ((Short.reverseBytes(b.getShort()) & 0xFFFFL) << 16)
                    | (Short.reverseBytes(b.getShort()) & 0xFFFFL);
            long low = b.getLong();
            return new UUID(high, low).toString();
        }
        return null;
    }

    static List<String> values(Entry entry, String attribute) {
        String[] values = entry.getAttributeValues(attribute);
        return values == null ? List.of() : new ArrayList<>(List.of(values));
    }
}
