package edu.lanyard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The Kubernetes objects that {@code helm template} renders from the chart, parsed, with look-ups by kind and name. */
final class RenderedChart {
    static final Path CHART = Path.of("helm", "lanyard");
    static final String RELEASE = "campus";
    static final String NAMESPACE = "sso";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<JsonNode> objects;

    private RenderedChart(List<JsonNode> objects) {
        this.objects = objects;
    }

    static RenderedChart render(UnaryOperator<TemplateCommand> options) {
        TemplateCommand command = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
        return parse(options.apply(command).call());
    }

    static RenderedChart withDefaults() {
        return render(command -> command);
    }

    static RenderedChart withValues(Path valuesFile) {
        return render(command -> command.withValuesFile(valuesFile));
    }

    static RenderedChart withSet(Map<String, Object> values) {
        return render(command -> {
            values.forEach(command::set);
            return command;
        });
    }

    static RenderedChart parse(String manifest) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(manifest)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && document.isObject() && document.has("kind")) {
                    objects.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("helm template rendered YAML that does not parse", e);
        }
        return new RenderedChart(List.copyOf(objects));
    }

    List<JsonNode> all() {
        return objects;
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(o.at("/metadata/name").asText())).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new NoSuchElementException("no " + kind + " named " + name
                + " among " + objects.stream().map(o -> o.path("kind").asText() + "/"
                + o.at("/metadata/name").asText()).toList()));
    }

    /** The Deployment of one Lanyard service, e.g. {@code deployment("token")}. */
    JsonNode deployment(String service) {
        return get("Deployment", RELEASE + "-lanyard-" + service);
    }

    static JsonNode container(JsonNode deployment) {
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        if (containers.size() != 1) {
            throw new AssertionError("expected one container, got " + containers);
        }
        return containers.get(0);
    }

    static Optional<JsonNode> env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (name.equals(variable.path("name").asText())) {
                return Optional.of(variable);
            }
        }
        return Optional.empty();
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }

    static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> values = new java.util.TreeMap<>();
        object.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return values;
    }

    static JsonNode parseYaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
