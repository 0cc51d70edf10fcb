package edu.lanyard.core.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a {@link LanyardConfig} from three layers: the bundled defaults, an optional YAML file, and
 * {@code LANYARD_*} environment variables (one per leaf key of the defaults). Unknown keys in the file are an error,
 * so a typo does not silently fall back to a default.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConfigLoader() {
    }

    public static LanyardConfig load(Path file, Map<String, String> environment) {
        try {
            ObjectNode tree = defaults();
            if (file != null) {
                JsonNode overrides = YAML.readTree(Files.readString(file));
                if (overrides != null && overrides.isObject()) {
                    merge(tree, (ObjectNode) overrides);
                }
            }
            applyEnvironment(tree, "LANYARD", environment);
            LanyardConfig config = YAML.treeToValue(tree, LanyardConfig.class);
            return withIssuer(config);
        } catch (ValueInstantiationException e) {
            // A setting refused by its record (an unknown postgres.sslMode, a malformed colour): its own message is
            // the one line the operator needs, without Jackson's account of where in the tree it was.
            if (e.getCause() instanceof IllegalArgumentException refused) {
                throw new IllegalArgumentException(refused.getMessage(), refused);
            }
            throw new IllegalArgumentException("cannot read configuration " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read configuration " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode defaults() throws IOException {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/lanyard-defaults.yaml")) {
            return (ObjectNode) YAML.readTree(in);
        }
    }

    /** The issuer defaults to this node's own address; behind a proxy it must be set to the public URL. */
    private static LanyardConfig withIssuer(LanyardConfig c) {
        if (c.issuer() != null && !c.issuer().isBlank()) {
            return c;
        }
        String issuer = "http://" + c.http().host() + ":" + c.http().port();
        return new LanyardConfig(issuer, c.http(), c.postgres(), c.kafka(), c.hazelcast(), c.durability(),
                c.tokens(), c.login(), c.dialects(), c.projection(), c.admin(), c.rateLimit(), c.management(),
                c.branding(), c.keys(), c.ldap(), c.console());
    }

    private static void merge(ObjectNode target, ObjectNode source) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode sourceObject) {
                merge(existingObject, sourceObject);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void applyEnvironment(ObjectNode node, String prefix, Map<String, String> environment) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String variable = prefix + "_" + upperSnake(name);
            JsonNode child = node.get(name);
            if (child instanceof ObjectNode object) {
                applyEnvironment(object, variable, environment);
                continue;
            }
            String value = environment.get(variable);
            if (value == null) {
                continue;
            }
            if (child instanceof ArrayNode) {
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                for (String item : value.split(",")) {
                    if (!item.isBlank()) {
                        list.add(item.trim());
                    }
                }
                node.set(name, list);
            } else {
                node.put(name, value);
            }
        }
    }

    /** {@code maxBodyBytes} → {@code MAX_BODY_BYTES}; a locale key {@code zh-CN} → {@code ZH_CN}. */
    static String upperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
