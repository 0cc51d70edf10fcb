package edu.lanyard.core.domain;

import java.util.Map;

/**
 * A person who signs in. {@code subject} is the stable, opaque identifier used as {@code sub}; {@code username} is the
 * login name. Attributes are strings or lists of strings (docs/products.md decision 10).
 */
public record User(
        String subject,
        String username,
        String passwordHash,
        String name,
        String email,
        String phone,
        Map<String, Object> attributes,
        java.time.Instant createdAt) {

    public User {
        attributes = Map.copyOf(attributes);
    }

    public String attribute(String name) {
        Object value = attributes.get(name);
        return value == null ? null : String.valueOf(value);
    }
}
