package edu.lanyard.projection.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.json.Jsons;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads an event in whatever schema version it was written. The topic keeps every event ever produced, so each
 * version of each type stays readable: an older version is upgraded step by step to the shape of today's record
 * before it is bound.
 *
 * <p>Every type is at version 1. When a type changes incompatibly (a field renamed, removed or given a new meaning),
 * its producer writes {@code v = 2} and the type gets one entry in {@link #UPGRADES}: the step that turns a v1 tree
 * into a v2 tree. Adding an optional field is compatible and needs no new version.
 */
public final class EventVersions {
    /** Per type, the steps v1→v2, v2→v3, …; the newest readable version is the number of steps plus one. */
    private static final Map<String, List<UnaryOperator<ObjectNode>>> UPGRADES = upgrades();

    private EventVersions() {
    }

    private static Map<String, List<UnaryOperator<ObjectNode>>> upgrades() {
        Map<String, List<UnaryOperator<ObjectNode>>> steps = new HashMap<>();
        Arrays.stream(LifecycleEvent.class.getPermittedSubclasses())
                .forEach(type -> steps.put(type.getSimpleName(), List.of()));
        return Map.copyOf(steps);
    }

    public static int newestVersion(String type) {
        List<UnaryOperator<ObjectNode>> steps = UPGRADES.get(type);
        return steps == null ? 0 : steps.size() + 1;
    }

    /**
     * @throws UnreadableEventException   the text is not an event at all (not JSON, no type or envelope)
     * @throws UnsupportedEventException  a type or version newer than this projector knows
     */
    public static LifecycleEvent read(String json) {
        JsonNode tree;
        try {
            tree = json == null ? null : Jsons.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new UnreadableEventException("not a JSON object");
        }
        JsonNode type = tree.get("type");
        JsonNode version = tree.path("meta").get("v");
        if (type == null || !type.isTextual() || version == null || !version.canConvertToInt()) {
            throw new UnreadableEventException("no type or no meta.v");
        }
        ObjectNode current = upgrade(type.asText(), version.asInt(), (ObjectNode) tree);
        try {
            return Jsons.MAPPER.treeToValue(current, LifecycleEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableEventException(type.asText() + " v" + version.asInt() + " does not bind: "
                    + e.getMessage());
        }
    }

    private static ObjectNode upgrade(String type, int version, ObjectNode event) {
        List<UnaryOperator<ObjectNode>> steps = UPGRADES.get(type);
        if (steps == null || version < 1 || version > steps.size() + 1) {
            throw new UnsupportedEventException(type, version);
        }
        ObjectNode upgraded = event;
        for (UnaryOperator<ObjectNode> step : steps.subList(version - 1, steps.size())) {
            upgraded = step.apply(upgraded);
        }
        return upgraded;
    }
}
