package edu.lanyard.dialects.maxkey;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which MaxKey version's {@code /me} keys to answer (docs/dialects.md C.0): the versions differed, and an app written
 * against one of them may look for exactly its keys. The default is the superset of every version's, which an app
 * that reads fields by name cannot tell apart from its own version.
 */
public enum MeKeys {
    /** Every key any version sent. */
    SUPERSET(null),
    /** Up to 2.6: {@code uid} is the user id. */
    V2(List.of("randomId", "uid", "username", "employeeNumber", "email", "mobile", "realname", "birthday",
            "department", "createdate", "title", "state", "gender", "online_ticket")),
    /** 2.7–2.8: adds {@code user}. */
    V27(with(V2.keys, "user")),
    /** 2.9: {@code uid} was renamed {@code userId}. */
    V29(renamed(V27.keys, "uid", "userId")),
    /** 3.3: adds {@code departmentId} and {@code institution}. */
    V33(with(V29.keys, "departmentId", "institution")),
    /** 3.5 to 4.x: adds {@code displayName}. */
    V35(with(V33.keys, "displayName"));

    private final Set<String> keys;

    MeKeys(List<String> keys) {
        this.keys = keys == null ? null : Set.copyOf(keys);
    }

    /** Whether this version sent the key. */
    public boolean sends(String key) {
        return keys == null || keys.contains(key);
    }

    private static List<String> with(Set<String> base, String... added) {
        Set<String> all = new LinkedHashSet<>(base);
        all.addAll(List.of(added));
        return List.copyOf(all);
    }

    private static List<String> renamed(Set<String> base, String from, String to) {
        Set<String> all = new LinkedHashSet<>(base);
        all.remove(from);
        all.add(to);
        return List.copyOf(all);
    }
}
