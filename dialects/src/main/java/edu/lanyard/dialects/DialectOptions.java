package edu.lanyard.dialects;

import edu.lanyard.core.domain.Client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The switches docs/products.md decision 5 names: a client's own option wins, then the dialect mount's, then the
 * product's default. Values may arrive as YAML scalars or as strings from LANYARD_* environment variables.
 */
public final class DialectOptions {
    private final Map<String, Object> mount;

    public DialectOptions(Map<String, Object> mount) {
        this.mount = mount == null ? Map.of() : Map.copyOf(mount);
    }

    public Optional<Object> raw(Client client, String name) {
        if (client != null) {
            Optional<Object> own = client.option(name);
            if (own.isPresent()) {
                return own;
            }
        }
        return Optional.ofNullable(mount.get(name));
    }

    public boolean bool(Client client, String name, boolean fallback) {
        return raw(client, name).map(value -> value instanceof Boolean b ? b
                : Boolean.parseBoolean(String.valueOf(value).trim())).orElse(fallback);
    }

    public String string(Client client, String name, String fallback) {
        return raw(client, name).map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).orElse(fallback);
    }

    /** An enumerated switch, compared case-insensitively and answered in upper case. */
    public String choice(Client client, String name, String fallback) {
        return string(client, name, fallback).toUpperCase(Locale.ROOT);
    }

    /** A list option; a comma-separated string counts as a list. */
    public Optional<List<String>> list(Client client, String name) {
        return raw(client, name).map(value -> {
            List<String> items = new ArrayList<>();
            if (value instanceof List<?> list) {
                list.forEach(item -> items.add(String.valueOf(item).trim()));
            } else {
                for (String item : String.valueOf(value).split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.trim());
                    }
                }
            }
            return items;
        });
    }

    /** A map option such as an attribute mapping (wire field name to user attribute name). */
    public Map<String, String> map(Client client, String name) {
        Optional<Object> value = raw(client, name);
        if (value.isEmpty() || !(value.get() instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }
}
