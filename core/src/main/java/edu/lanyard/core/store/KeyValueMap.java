package edu.lanyard.core.store;

import io.vertx.core.Future;

import java.util.Optional;

/**
 * A shared map of strings with per-entry lifetimes, for small pieces of flow state.
 * Implemented over Hazelcast in the cluster module, and in memory for unit tests.
 */
public interface KeyValueMap {

    Future<Void> put(String key, String value, long ttlSeconds);

    Future<Optional<String>> get(String key);

    Future<Optional<String>> remove(String key);

    /**
     * Adds {@code member} to the set of space-separated words stored under {@code key} (creating it), atomically
     * however many callers add at once, and keeps the entry {@code ttlSeconds} from now. A member must not contain a
     * space; one already present is not added twice.
     */
    Future<Void> addMember(String key, String member, long ttlSeconds);

    /** The words of a value that {@link #addMember} built, in the order they were added. */
    static java.util.Set<String> members(String value) {
        java.util.Set<String> members = new java.util.LinkedHashSet<>();
        for (String word : value.split(" ")) {
            if (!word.isEmpty()) {
                members.add(word);
            }
        }
        return members;
    }

    /** {@code value} with {@code member} added, if it was not there already. */
    static String withMember(String value, String member) {
        if (value == null || value.isEmpty()) {
            return member;
        }
        return members(value).contains(member) ? value : value + " " + member;
    }
}
