package edu.lanyard.core.oidc;

import edu.lanyard.core.domain.User;
import edu.lanyard.core.token.Scopes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** OIDC Core §5.4: the claims each standard scope releases, filled from the user record. */
public final class StandardClaims {
    private StandardClaims() {
    }

    public static Map<String, Object> of(User user, String scope) {
        Set<String> scopes = Scopes.parse(scope);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user.subject());
        if (scopes.contains("profile")) {
            putIfPresent(claims, "name", user.name());
            claims.put("preferred_username", user.username());
            putIfPresent(claims, "nickname", user.attribute("nickname"));
            putIfPresent(claims, "gender", user.attribute("gender"));
            putIfPresent(claims, "birthdate", user.attribute("birthday"));
            putIfPresent(claims, "locale", user.attribute("locale"));
            if (user.createdAt() != null) {
                claims.put("updated_at", user.createdAt().getEpochSecond());
            }
        }
        if (scopes.contains("email") && user.email() != null) {
            claims.put("email", user.email());
            claims.put("email_verified", "true".equals(user.attribute("email_verified")));
        }
        if (scopes.contains("phone") && user.phone() != null) {
            claims.put("phone_number", user.phone());
            claims.put("phone_number_verified", "true".equals(user.attribute("phone_number_verified")));
        }
        return claims;
    }

    private static void putIfPresent(Map<String, Object> claims, String name, String value) {
        if (value != null && !value.isEmpty()) {
            claims.put(name, value);
        }
    }
}
