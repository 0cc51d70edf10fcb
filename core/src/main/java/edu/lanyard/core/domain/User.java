package edu.lanyard.core.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A person who signs in. {@code subject} is the stable, opaque identifier used as {@code sub}; {@code username} is the
 * canonical login name (what lockouts and audit lines are keyed on, whatever login name was typed).
 *
 * @param passwordHash null for a user whose password lives elsewhere (a copy of a directory user)
 * @param attributes   strings or lists of strings (docs/products.md decision 10), what product dialects map
 * @param claims       the OpenID Connect standard claims beyond name, email and phone (given_name, address, …), by
 *                     claim name, as JSON values
 * @param disabled     a disabled user cannot sign in, whatever the password
 * @param origin       where the user comes from: imported or created here, or copied from the campus directory
 * @param updatedAt    when the record last changed (the {@code updated_at} claim); null when unknown
 */
public record User(
        String subject,
        String username,
        String passwordHash,
        String name,
        String email,
        String phone,
        Map<String, Object> attributes,
        Map<String, Object> claims,
        boolean disabled,
        Origin origin,
        Instant createdAt,
        Instant updatedAt) {

    /** Where a user record comes from. */
    public enum Origin {
        /** Imported or created in Lanyard; Lanyard holds the password hash. */
        LOCAL,
        /** A copy of a campus directory (LDAP / AD) entry, refreshed at each sign-in; the directory holds the password. */
        DIRECTORY
    }

    public User {
        attributes = Map.copyOf(attributes);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
        origin = origin == null ? Origin.LOCAL : origin;
    }

    /** A user whose record has not changed since it was created. */
    public User(String subject, String username, String passwordHash, String name, String email, String phone,
                Map<String, Object> attributes, Map<String, Object> claims, boolean disabled, Origin origin,
                Instant createdAt) {
        this(subject, username, passwordHash, name, email, phone, attributes, claims, disabled, origin, createdAt,
                createdAt);
    }

    /** A local, enabled user with no standard claims beyond name, email and phone. */
    public static User local(String subject, String username, String passwordHash, String name, String email,
                             String phone, Map<String, Object> attributes, Instant createdAt) {
        return new User(subject, username, passwordHash, name, email, phone, attributes, Map.of(), false,
                Origin.LOCAL, createdAt);
    }

    public String attribute(String name) {
        Object value = attributes.get(name);
        return value == null ? null : String.valueOf(value);
    }

    /** A standard claim (given_name, address, …) from {@link #claims}, or null. */
    public Object claim(String name) {
        return claims.get(name);
    }

    public User withDisabled(boolean disabled) {
        return new User(subject, username, passwordHash, name, email, phone, attributes, claims, disabled, origin,
                createdAt, updatedAt);
    }

    public User withPasswordHash(String passwordHash) {
        return new User(subject, username, passwordHash, name, email, phone, attributes, claims, disabled, origin,
                createdAt, updatedAt);
    }
}
