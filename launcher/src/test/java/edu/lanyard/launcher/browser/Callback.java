package edu.lanyard.launcher.browser;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What arrives at a client's redirect URI: its address without parameters, where the parameters came (query or
 * fragment) and the parameters themselves.
 */
record Callback(String target, boolean inFragment, Map<String, String> params) {

    static Callback parse(String location) {
        URI uri = URI.create(location);
        String target = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        boolean fragment = uri.getRawFragment() != null;
        String raw = fragment ? uri.getRawFragment() : uri.getRawQuery();
        return new Callback(target, fragment, decode(raw));
    }

    static Map<String, String> decode(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value,
                    StandardCharsets.UTF_8));
        }
        return params;
    }

    String get(String name) {
        return params.get(name);
    }

    boolean has(String name) {
        return params.containsKey(name);
    }
}
