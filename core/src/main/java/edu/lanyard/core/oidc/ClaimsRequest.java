package edu.lanyard.core.oidc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.json.Jsons;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The OIDC Core §5.5 {@code claims} request parameter: individual claims asked for in userinfo and in the id_token,
 * whatever the scope. Only standard claims are kept ({@link StandardClaims#SUPPORTED}); a request for anything else
 * is ignored, as §5.5 allows. It travels with the authorization code, the grant and the access token in its
 * {@link #toJson() normalized JSON}, so a node of any version can read it back.
 *
 * @param userinfo claims to return from the userinfo endpoint, by name
 * @param idToken  claims to put in the id_token, by name
 */
public record ClaimsRequest(Map<String, Claim> userinfo, Map<String, Claim> idToken) {
    /** Longer than any honest request for the standard claims; a bigger one is refused before it is parsed. */
    static final int MAX_LENGTH = 8192;

    public static final ClaimsRequest NONE = new ClaimsRequest(Map.of(), Map.of());

    /**
     * One requested claim (§5.5.1): {@code null} in the request means none of these.
     *
     * @param value  the value asked for, or null
     * @param values the values one of which is asked for, or null
     */
    public record Claim(boolean essential, JsonNode value, JsonNode values) {
        static final Claim VOLUNTARY = new Claim(false, null, null);
    }

    public ClaimsRequest {
        userinfo = Collections.unmodifiableMap(new LinkedHashMap<>(userinfo));
        idToken = Collections.unmodifiableMap(new LinkedHashMap<>(idToken));
    }

    /** Parses the parameter as a client sent it; null or blank is no request. */
    public static ClaimsRequest parse(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return NONE;
        }
        if (parameter.length() > MAX_LENGTH) {
            throw invalid("claims is longer than " + MAX_LENGTH + " characters");
        }
        JsonNode root;
        try {
            root = Jsons.MAPPER.readTree(parameter);
        } catch (JsonProcessingException e) {
            throw invalid("claims is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw invalid("claims must be a JSON object");
        }
        return new ClaimsRequest(member(root, "userinfo"), member(root, "id_token"));
    }

    /** Reads back what {@link #toJson()} stored; null (a record from before the claims parameter) is no request. */
    public static ClaimsRequest fromStored(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        try {
            return parse(json);
        } catch (OAuthException e) {
            // Stored by this class, so it parsed once; a damaged value releases no extra claims rather than failing.
            return NONE;
        }
    }

    public boolean isEmpty() {
        return userinfo.isEmpty() && idToken.isEmpty();
    }

    /** The normalized JSON to store with a code or a token; null for no request, so old records stay as they were. */
    public String toJson() {
        if (isEmpty()) {
            return null;
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (!userinfo.isEmpty()) {
            root.set("userinfo", write(userinfo));
        }
        if (!idToken.isEmpty()) {
            root.set("id_token", write(idToken));
        }
        return root.toString();
    }

    /** Every claim asked for, in userinfo or the id_token: what the consent page must show. */
    public Set<String> allNames() {
        Set<String> names = new LinkedHashSet<>(userinfo.keySet());
        names.addAll(idToken.keySet());
        return names;
    }

    private static Map<String, Claim> member(JsonNode root, String name) {
        JsonNode member = root.get(name);
        if (member == null || member.isNull()) {
            return Map.of();
        }
        if (!member.isObject()) {
            throw invalid("claims." + name + " must be a JSON object");
        }
        Map<String, Claim> claims = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = member.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Claim claim = claim(name, field.getKey(), field.getValue());
            if (StandardClaims.SUPPORTED.contains(field.getKey())) {
                claims.put(field.getKey(), claim);
            }
        }
        return claims;
    }

    private static Claim claim(String member, String name, JsonNode spec) {
        if (spec == null || spec.isNull()) {
            return Claim.VOLUNTARY;
        }
        if (!spec.isObject()) {
            throw invalid("claims." + member + "." + printable(name) + " must be null or a JSON object");
        }
        JsonNode essential = spec.get("essential");
        if (essential != null && !essential.isNull() && !essential.isBoolean()) {
            throw invalid("claims." + member + "." + printable(name) + ".essential must be true or false");
        }
        JsonNode values = spec.get("values");
        if (values != null && !values.isNull() && !values.isArray()) {
            throw invalid("claims." + member + "." + printable(name) + ".values must be a JSON array");
        }
        JsonNode value = spec.get("value");
        return new Claim(essential != null && essential.asBoolean(),
                value == null || value.isNull() ? null : value,
                values == null || values.isNull() ? null : values);
    }

    private static ObjectNode write(Map<String, Claim> claims) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        claims.forEach((name, claim) -> {
            if (!claim.essential() && claim.value() == null && claim.values() == null) {
                out.putNull(name);
                return;
            }
            ObjectNode spec = out.putObject(name);
            if (claim.essential()) {
                spec.put("essential", true);
            }
            if (claim.value() != null) {
                spec.set("value", claim.value());
            }
            if (claim.values() != null) {
                spec.set("values", claim.values());
            }
        });
        return out;
    }

    /** A claim name in an error message: the client's text, cut short and without control characters. */
    private static String printable(String name) {
        String cut = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static OAuthException invalid(String description) {
        return OAuthError.invalidRequest(description).toException();
    }
}
