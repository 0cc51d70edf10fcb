package edu.lanyard.core.store;

/** Named maps shared by every node of the cluster, for flow state that has no store of its own. */
public interface SharedMaps {
    /** The shared map called {@code name}. */
    KeyValueMap map(String name);

    /**
     * Puts {@code value} under {@code key} of map {@code name} unless a value is there already, and answers the value
     * that stays: the first node to start decides, every other node adopts it. Blocking: call it at start only.
     */
    String settle(String name, String key, String value);
}
