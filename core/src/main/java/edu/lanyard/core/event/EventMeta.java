package edu.lanyard.core.event;

import edu.lanyard.core.token.RandomIds;

import java.time.Instant;

/**
 * Envelope facts every event carries.
 *
 * @param id unique event id (consumers de-duplicate on it)
 * @param v  schema version of the event type; projectors must read every version ever written
 * @param at epoch milliseconds when the decision was made
 * @param ip the client address of the request that caused it, if any
 */
public record EventMeta(String id, int v, long at, String ip) {
    public static final int CURRENT_VERSION = 1;

    /** Stamps a decision made at {@code decidedAt}; the Ledger stamps every event with its own clock. */
    public static EventMeta at(Instant decidedAt, String ip) {
        return new EventMeta(RandomIds.uuid(), CURRENT_VERSION, decidedAt.toEpochMilli(), ip);
    }
}
