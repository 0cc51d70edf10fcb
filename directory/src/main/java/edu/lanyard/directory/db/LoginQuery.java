package edu.lanyard.directory.db;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * SQL conditions for the configured login attributes: {@code username} and {@code email} match case-insensitively
 * (indexed on their lower-case form, migration V4_1), {@code phone} exactly, and any other name is a key of the
 * user's attributes. Attribute names are checked by the configuration (letters, digits, {@code _ . : -}), and quoted
 * here again, so no typed value ever reaches the SQL text.
 */
final class LoginQuery {
    private LoginQuery() {
    }

    /** Rows where any login attribute equals the parameter {@code param}. */
    static String matching(List<String> attributes, String param) {
        return withUsername(attributes).map(a -> condition(a, param, "=")).collect(Collectors.joining(" or "));
    }

    /** Rows where any login attribute, lower-cased, is in the text-array parameter {@code param}. */
    static String anyOf(List<String> attributes, String param) {
        return withUsername(attributes).map(a -> lowered(a) + " = any(" + param + ")")
                .collect(Collectors.joining(" or "));
    }

    /** The username always signs in, whatever else is configured. */
    private static Stream<String> withUsername(List<String> attributes) {
        return Stream.concat(Stream.of("username"), attributes.stream()).distinct();
    }

    private static String condition(String attribute, String param, String op) {
        return switch (attribute) {
            case "username", "email" -> "lower(" + attribute + ") " + op + " lower(" + param + ")";
            case "phone" -> "phone " + op + " " + param;
            default -> "(attributes ->> " + literal(attribute) + ") " + op + " " + param;
        };
    }

    private static String lowered(String attribute) {
        return switch (attribute) {
            case "username", "email", "phone" -> "lower(" + attribute + ")";
            default -> "lower(attributes ->> " + literal(attribute) + ")";
        };
    }

    private static String literal(String name) {
        if (!name.matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw new IllegalArgumentException("not a login attribute name");
        }
        return "'" + name.replace("'", "''") + "'";
    }
}
