package edu.lanyard.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a rendered container would see, as the kubelet builds it: values in order, {@code $(NAME)}
 * expanded from earlier entries, the downward API and Secret references replaced by stand-ins.
 */
final class PodEnvironment {
    static final String POD_IP = "10.42.7.19";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private PodEnvironment() {
    }

    static Map<String, String> of(JsonNode container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode variable : container.path("env")) {
            environment.put(variable.path("name").asText(), valueOf(variable, environment));
        }
        return environment;
    }

    /** What a Secret reference stands for in these tests. */
    static String secretStandIn(String secret, String key) {
        return "secret:" + secret + "/" + key;
    }

    private static String valueOf(JsonNode variable, Map<String, String> earlier) {
        JsonNode from = variable.path("valueFrom");
        if (from.has("fieldRef")) {
            String field = from.at("/fieldRef/fieldPath").asText();
            if (!"status.podIP".equals(field)) {
                throw new AssertionError("unexpected downward API field " + field);
            }
            return POD_IP;
        }
        if (from.has("secretKeyRef")) {
            return secretStandIn(from.at("/secretKeyRef/name").asText(), from.at("/secretKeyRef/key").asText());
        }
        Matcher matcher = REFERENCE.matcher(variable.path("value").asText());
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = earlier.containsKey(name) ? earlier.get(name) : matcher.group();
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(expanded).toString();
    }
}
