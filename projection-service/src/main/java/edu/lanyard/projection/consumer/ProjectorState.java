package edu.lanyard.projection.consumer;

/** What the projector is doing, for health checks and operators. */
public enum ProjectorState {
    /** Joining the consumer group, or applying events. */
    RUNNING,
    /** Postgres did not answer: partitions are paused and resume from the stored offsets once it does. */
    WAITING_FOR_POSTGRES,
    /** The broker does not answer; the consumer keeps reconnecting. */
    WAITING_FOR_KAFKA,
    /** A partition holds an event newer than this projector understands. */
    STALLED,
    STOPPED
}
