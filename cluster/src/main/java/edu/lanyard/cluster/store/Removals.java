package edu.lanyard.cluster.store;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;

import java.util.Map;

/**
 * Removal in a map whose misses are answered from the projections after a cluster restart. Deleting the entry would
 * let the next miss bring it back from a projection that has not yet seen the removal, so the entry is replaced by
 * a marker that lives exactly as long as the entry would have, and readers treat the marker as absent. An entry
 * issued before the restart and not yet in memory is loaded first, so it is marked too.
 */
public final class Removals {
    public static final String MARKER = "~removed";

    private Removals() {
    }

    /** The stored value, or null for an absent or removed entry. */
    public static String live(String stored) {
        return stored == null || MARKER.equals(stored) ? null : stored;
    }

    /** Replaces a live entry with the marker, keeping its expiry; answers what was there (null if nothing live). */
    record MarkRemoved() implements EntryProcessor<String, String, String> {
        @Override
        public String process(Map.Entry<String, String> entry) {
            String before = live(entry.getValue());
            if (before != null) {
                ((ExtendedMapEntry<String, String>) entry).setValueWithoutChangingExpiryTime(MARKER);
            }
            return before;
        }
    }
}
